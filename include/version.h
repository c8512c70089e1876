/* version.h - the version of pairplan, as --version and SARIF's tool name it. */
#ifndef PAIRPLAN_VERSION_H
#define PAIRPLAN_VERSION_H

#define PAIRPLAN_VERSION	"0.1.0"

#endif
