/* cores.h - whether a second thread would have a core of its own. */
#ifndef PAIRPLAN_CORES_H
#define PAIRPLAN_CORES_H

#include <stdbool.h>

/*
 * True when the machine has two cores or more and they are not crowded
 * now: the test for splitting one big job over two threads (the parser's
 * pipeline, a long JSON schedule). The count of running threads is a
 * snapshot that threads passing by disturb: with the bar at "every other
 * core free", runs of `make bench` on an idle machine went to one thread
 * now and then (1.3 s instead of 0.8 s for a 100 MB plan). Such a split
 * costs little when the other core is busy after all, so the bar is: no
 * more threads running than there are cores, besides this one.
 */
bool	 cores_spare(void);

#endif
