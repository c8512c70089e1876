/* yevq.h - libyaml's parser on a thread of its own, its events handed over in batches. */
#ifndef PAIRPLAN_YEVQ_H
#define PAIRPLAN_YEVQ_H

#include <yaml.h>

/*
 * The parser runs on a second thread, which initialises it with the
 * input given (yaml_parser_set_input) and copies
 * each event with its strings into a batch; the caller takes the events
 * one by one, as from yaml_parser_parse. This overlaps parsing with what
 * the caller does with the events, on a machine with a core to spare.
 */
struct yevq;

/* NULL when no thread can be started: the caller parses on its own. */
struct yevq *yevq_start(yaml_parser_t *, yaml_read_handler_t *, void *);
/*
 * The next event into *ev: 1, the event valid until the next call (not
 * to be given to yaml_event_delete); 0 when the parser failed, after the
 * thread has stopped, so that the parser's error fields can be read.
 * The caller deletes the parser after yevq_stop.
 */
int	 yevq_next(struct yevq *, yaml_event_t *ev);
/* Stops the thread (wherever it is) and frees the queue. */
void	 yevq_stop(struct yevq *);

#endif
