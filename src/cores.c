/* cores.c - whether a second thread would have a core of its own. */
#define _DEFAULT_SOURCE	/* getloadavg */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cores.h"

/*
 * Threads that are running or ready to run now, other than this one:
 * the fourth field of /proc/loadavg ("running/total"), which counts the
 * reader itself. Where it cannot be read, the one-minute load average.
 */
static long
running_others(void)
{
	FILE *fp = fopen("/proc/loadavg", "r");
	double l1, l5, l15;
	long running = -1, total;
	int ok;

	if (fp != NULL) {
		ok = fscanf(fp, "%lf %lf %lf %ld/%ld", &l1, &l5, &l15,
		    &running, &total);
		fclose(fp);
		if (ok == 5 && running >= 1)
			return running - 1;
	}
	if (getloadavg(&l1, 1) != 1)
		return 0;
	return (long)(l1 + 0.5);
}

bool
cores_spare(void)
{
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);

	return ncpu >= 2 && running_others() <= ncpu;
}
