/* yevq.c - libyaml's parser on a thread of its own, its events handed over in batches. */
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "arena.h"
#include "yevq.h"

/*
 * Batches are big: waking the other thread costs some microseconds
 * (more in a virtual machine), which would add up over millions of events.
 */
#define YEVQ_EVENTS	8192		/* events in a batch, at most */
#define YEVQ_TEXT	(1u << 20)	/* text that closes a batch */
#define YEVQ_SLOTS	4		/* batches in flight */
#define YEVQ_KEEP_TEXT	(4u << 20)	/* text room a batch keeps, at most */

/* An event in a batch: its strings are offsets + 1 into the text, 0: none. */
struct qev {
	yaml_event_type_t	 type;
	yaml_scalar_style_t	 style;
	yaml_mark_t		 start;
	size_t			 length;
	size_t			 value, anchor, tag;
};

struct batch {
	struct qev	 ev[YEVQ_EVENTS];
	size_t		 n;
	char		*text;
	size_t		 tlen, tcap;
	bool		 failed;	/* the parser failed after ev[n - 1] */
	bool		 last;		/* no batch follows */
};

struct yevq {
	yaml_parser_t	*parser;
	yaml_read_handler_t *read;
	void		*read_data;
	pthread_t	 thread;
	pthread_mutex_t	 mu;
	pthread_cond_t	 cv;
	struct batch	*b;		/* YEVQ_SLOTS of them */
	unsigned long	 made, used;	/* batches filled, batches given back */
	bool		 stop;
	bool		 joined;
	struct batch	*cur;		/* the caller's */
	size_t		 pos;
};

static size_t
put_text(struct batch *b, const yaml_char_t *s, size_t len)
{
	size_t at;

	if (s == NULL)
		return 0;
	if (b->tcap - b->tlen < len + 1) {
		size_t ncap = b->tcap ? b->tcap : YEVQ_TEXT;
		char *nt;

		while (ncap - b->tlen < len + 1) {
			if (ncap > SIZE_MAX / 2)
				arena_oom();
			ncap *= 2;
		}
		if ((nt = realloc(b->text, ncap)) == NULL)
			arena_oom();
		b->text = nt;
		b->tcap = ncap;
	}
	at = b->tlen;
	memcpy(b->text + at, s, len);
	b->text[at + len] = '\0';
	b->tlen += len + 1;
	return at + 1;
}

static size_t
put_str(struct batch *b, const yaml_char_t *s)
{
	return s == NULL ? 0 : put_text(b, s, strlen((const char *)s));
}

/* Copies what the caller reads of one event into the batch. */
static void
keep(struct batch *b, const yaml_event_t *ev)
{
	struct qev *q = &b->ev[b->n++];

	q->type = ev->type;
	q->start = ev->start_mark;
	q->style = YAML_ANY_SCALAR_STYLE;
	q->length = 0;
	q->value = q->anchor = q->tag = 0;
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		q->style = ev->data.scalar.style;
		q->length = ev->data.scalar.length;
		q->value = put_text(b, ev->data.scalar.value,
		    ev->data.scalar.length);
		q->anchor = put_str(b, ev->data.scalar.anchor);
		q->tag = put_str(b, ev->data.scalar.tag);
		break;
	case YAML_SEQUENCE_START_EVENT:
		q->anchor = put_str(b, ev->data.sequence_start.anchor);
		q->tag = put_str(b, ev->data.sequence_start.tag);
		break;
	case YAML_MAPPING_START_EVENT:
		q->anchor = put_str(b, ev->data.mapping_start.anchor);
		q->tag = put_str(b, ev->data.mapping_start.tag);
		break;
	case YAML_ALIAS_EVENT:
		q->anchor = put_str(b, ev->data.alias.anchor);
		break;
	default:
		break;
	}
}

static void *
producer(void *arg)
{
	struct yevq *q = arg;
	struct batch *b;
	yaml_event_t ev;
	bool last = false;

	/*
	 * The parser is made here, so that its buffers come from this
	 * thread's malloc arena: freeing another thread's blocks costs.
	 */
	if (!yaml_parser_initialize(q->parser))
		arena_oom();
	yaml_parser_set_input(q->parser, q->read, q->read_data);
	while (!last) {
		pthread_mutex_lock(&q->mu);
		while (q->made - q->used == YEVQ_SLOTS && !q->stop)
			pthread_cond_wait(&q->cv, &q->mu);
		if (q->stop) {
			pthread_mutex_unlock(&q->mu);
			break;
		}
		b = &q->b[q->made % YEVQ_SLOTS];
		pthread_mutex_unlock(&q->mu);
		b->n = b->tlen = 0;
		b->failed = b->last = false;
		while (b->n < YEVQ_EVENTS && b->tlen < YEVQ_TEXT) {
			if (!yaml_parser_parse(q->parser, &ev)) {
				b->failed = b->last = true;
				break;
			}
			keep(b, &ev);
			if (ev.type == YAML_STREAM_END_EVENT)
				b->last = true;
			yaml_event_delete(&ev);
			if (b->last)
				break;
		}
		last = b->last;
		pthread_mutex_lock(&q->mu);
		q->made++;
		pthread_cond_broadcast(&q->cv);
		pthread_mutex_unlock(&q->mu);
	}
	return NULL;
}

struct yevq *
yevq_start(yaml_parser_t *parser, yaml_read_handler_t *read, void *data)
{
	struct yevq *q;

	if ((q = calloc(1, sizeof(*q))) == NULL ||
	    (q->b = calloc(YEVQ_SLOTS, sizeof(*q->b))) == NULL)
		arena_oom();
	q->parser = parser;
	q->read = read;
	q->read_data = data;
	if (pthread_mutex_init(&q->mu, NULL) != 0)
		goto fail;
	if (pthread_cond_init(&q->cv, NULL) != 0) {
		pthread_mutex_destroy(&q->mu);
		goto fail;
	}
	if (pthread_create(&q->thread, NULL, producer, q) != 0) {
		pthread_cond_destroy(&q->cv);
		pthread_mutex_destroy(&q->mu);
		goto fail;
	}
	return q;
fail:	/* a limit on threads, say: the caller parses on its own */
	free(q->b);
	free(q);
	return NULL;
}

static void
join(struct yevq *q)
{
	if (!q->joined) {
		pthread_join(q->thread, NULL);
		q->joined = true;
	}
}

static const yaml_char_t *
text_at(const struct batch *b, size_t off)
{
	return off == 0 ? NULL : (const yaml_char_t *)b->text + off - 1;
}

int
yevq_next(struct yevq *q, yaml_event_t *ev)
{
	const struct qev *e;
	struct batch *b;

	while (q->cur == NULL || q->pos == q->cur->n) {
		if (q->cur != NULL) {
			if (q->cur->last) {
				join(q);
				return 0;	/* failed (or read past the end) */
			}
			if (q->cur->tcap > YEVQ_KEEP_TEXT) {
				/* a big scalar's room: not kept for later */
				free(q->cur->text);
				q->cur->text = NULL;
				q->cur->tcap = 0;
			}
			pthread_mutex_lock(&q->mu);
			q->used++;
			q->cur = NULL;
			pthread_cond_broadcast(&q->cv);
			pthread_mutex_unlock(&q->mu);
		}
		pthread_mutex_lock(&q->mu);
		while (q->made == q->used)
			pthread_cond_wait(&q->cv, &q->mu);
		q->cur = &q->b[q->used % YEVQ_SLOTS];
		pthread_mutex_unlock(&q->mu);
		q->pos = 0;
	}
	b = q->cur;
	e = &b->ev[q->pos++];
	memset(ev, 0, sizeof(*ev));
	ev->type = e->type;
	ev->start_mark = e->start;
	switch (e->type) {
	case YAML_SCALAR_EVENT:
		ev->data.scalar.style = e->style;
		ev->data.scalar.length = e->length;
		ev->data.scalar.value = (yaml_char_t *)text_at(b, e->value);
		ev->data.scalar.anchor = (yaml_char_t *)text_at(b, e->anchor);
		ev->data.scalar.tag = (yaml_char_t *)text_at(b, e->tag);
		break;
	case YAML_SEQUENCE_START_EVENT:
		ev->data.sequence_start.anchor =
		    (yaml_char_t *)text_at(b, e->anchor);
		ev->data.sequence_start.tag = (yaml_char_t *)text_at(b, e->tag);
		break;
	case YAML_MAPPING_START_EVENT:
		ev->data.mapping_start.anchor =
		    (yaml_char_t *)text_at(b, e->anchor);
		ev->data.mapping_start.tag = (yaml_char_t *)text_at(b, e->tag);
		break;
	case YAML_ALIAS_EVENT:
		ev->data.alias.anchor = (yaml_char_t *)text_at(b, e->anchor);
		break;
	default:
		break;
	}
	if (e->type == YAML_STREAM_END_EVENT)
		join(q);
	return 1;
}

void
yevq_stop(struct yevq *q)
{
	int i;

	if (q == NULL)
		return;
	pthread_mutex_lock(&q->mu);
	q->stop = true;
	pthread_cond_broadcast(&q->cv);
	pthread_mutex_unlock(&q->mu);
	join(q);
	pthread_mutex_destroy(&q->mu);
	pthread_cond_destroy(&q->cv);
	for (i = 0; i < YEVQ_SLOTS; i++)
		free(q->b[i].text);
	free(q->b);
	free(q);
}
