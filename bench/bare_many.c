/* bare_many: the baseline of the many-files target (spec §9, §12).
 *
 * Bare libyaml event-parse loops over many files, N at a time: N threads
 * each take the next file not yet taken, open it, hand it to libyaml with
 * yaml_parser_set_input_file and call yaml_parser_parse / yaml_event_delete
 * until STREAM-END or an error, as bench/bare_parse does for one file.
 * Nothing else is done with the events. Prints the number of files and of
 * events.
 *
 *   cc -std=c17 -O2 -Wall -Wextra -Wpedantic -Werror bench/bare_many.c -lyaml -pthread -o bench/bare_many
 *   bench/bare_many -j N FILE...
 *
 * Exit status: 0 every file parsed to STREAM-END, 1 a YAML error, 2 usage or
 * an unreadable file.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

static char **files;
static int nfiles, next_file, status;
static unsigned long long total_events;
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;

/* One file, as bare_parse: its events, or -1 (status set). */
static long long parse(const char *path)
{
    FILE *f = fopen(path, "rb");
    yaml_parser_t parser;
    long long events = 0;

    if (f == NULL) {
        perror(path);
        return -2;
    }
    if (!yaml_parser_initialize(&parser)) {
        fclose(f);
        return -2;
    }
    yaml_parser_set_input_file(&parser, f);
    for (;;) {
        yaml_event_t event;
        if (!yaml_parser_parse(&parser, &event)) {
            events = -1;
            break;
        }
        events++;
        int done = event.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&event);
        if (done)
            break;
    }
    yaml_parser_delete(&parser);
    fclose(f);
    return events;
}

static void *worker(void *arg)
{
    (void)arg;
    for (;;) {
        pthread_mutex_lock(&mu);
        int i = next_file < nfiles ? next_file++ : -1;
        pthread_mutex_unlock(&mu);
        if (i < 0)
            return NULL;
        long long n = parse(files[i]);
        pthread_mutex_lock(&mu);
        if (n < 0) {
            int s = n == -1 ? 1 : 2;
            if (s > status)
                status = s;
        } else
            total_events += (unsigned long long)n;
        pthread_mutex_unlock(&mu);
    }
}

int main(int argc, char **argv)
{
    if (argc < 4 || strcmp(argv[1], "-j") != 0 || atoi(argv[2]) < 1) {
        fprintf(stderr, "usage: bare_many -j N FILE...\n");
        return 2;
    }
    int n = atoi(argv[2]);
    pthread_t *t = calloc((size_t)n, sizeof(*t));
    if (t == NULL)
        return 2;
    files = argv + 3;
    nfiles = argc - 3;
    for (int i = 0; i < n; i++)
        if (pthread_create(&t[i], NULL, worker, NULL) != 0) {
            fprintf(stderr, "bare_many: cannot start a thread\n");
            return 2;
        }
    for (int i = 0; i < n; i++)
        pthread_join(t[i], NULL);
    free(t);
    printf("%d %llu\n", nfiles, total_events);
    return status;
}
