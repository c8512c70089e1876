/* measure: run one command, print its wall time, peak RSS and CPU time.
 *
 *   measure PROG [ARG...]
 *
 * Forks, runs PROG with standard input and output on /dev/null (standard error
 * is inherited), reaps it with wait4 and prints one line on standard output:
 *
 *   WALL_SECONDS MAXRSS_KIB CPU_SECONDS STATUS
 *
 * STATUS is the exit status, or 128 + the signal number.  The exit status of
 * measure itself is 0, or 125 when it could not run the command at all.
 *
 * Why not os.wait4 straight from Python (bench/run.py): Linux keeps the
 * high-water RSS of a process's memory image *before* execve in its
 * ru_maxrss, and a child spawned by Python starts out as a copy of (or shares)
 * the Python process, so every measurement would be at least the Python
 * interpreter's own peak RSS (10-20 MB, more after reading big files).  A
 * child forked from this small program starts at about 1 MB.
 */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double seconds(struct timeval tv)
{
    return (double)tv.tv_sec + (double)tv.tv_usec / 1e6;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: measure PROG [ARG...]\n");
        return 125;
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    pid_t pid = fork();
    if (pid < 0) {
        perror("measure: fork");
        return 125;
    }
    if (pid == 0) {
        int fd = open("/dev/null", O_RDWR);
        if (fd < 0 || dup2(fd, 0) < 0 || dup2(fd, 1) < 0) {
            perror("measure: /dev/null");
            _exit(126);
        }
        if (fd > 2)
            close(fd);
        execvp(argv[1], argv + 1);
        fprintf(stderr, "measure: %s: %s\n", argv[1], strerror(errno));
        _exit(127);
    }
    int st;
    struct rusage ru;
    while (wait4(pid, &st, 0, &ru) < 0) {
        if (errno != EINTR) {
            perror("measure: wait4");
            return 125;
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double wall = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    int status = WIFEXITED(st) ? WEXITSTATUS(st) : WIFSIGNALED(st) ? 128 + WTERMSIG(st) : 255;
    printf("%.6f %ld %.6f %d\n", wall, (long)ru.ru_maxrss,
           seconds(ru.ru_utime) + seconds(ru.ru_stime), status);
    return 0;
}
