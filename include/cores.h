/* cores.h - whether a second thread would have a core of its own. */
#ifndef PAIRPLAN_CORES_H
#define PAIRPLAN_CORES_H

#include <stdbool.h>

/*
 * True when the machine has two cores or more and not every other core
 * is busy now: the test for splitting one big job over two threads (the
 * parser's pipeline, a long JSON schedule). The count of running threads
 * is a snapshot that short-lived processes disturb, and such a split is
 * no slower than one thread with one core to share, so one more running
 * thread than free cores still counts as spare.
 */
bool	 cores_spare(void);

#endif
