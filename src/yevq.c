/* yevq.c - libyaml's parser on a thread of its own, its events handed over in batches. */
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "arena.h"
#include "yevq.h"

/*
 * Batches are big: waking the other thread costs some microseconds
 * (more in a virtual machine), which would add up over millions of events.
 * Many may be in flight: what the loader does with the events costs more
 * in some parts of a plan (people) than in others, and with 4 the parser
 * waited for it there, then had the lead it had lost to make up alone
 * (100 MB plans: 6-10% slower than with 16; 32 and 64 gain nothing).
 * A batch's text is taken only when the parser gets that far ahead.
 */
#define YEVQ_EVENTS	8192		/* events in a batch, at most */
#define YEVQ_TEXT	(1u << 20)	/* text that closes a batch */
#define YEVQ_SLOTS	16		/* batches in flight */
#define YEVQ_KEEP_TEXT	(4u << 20)	/* text room a batch keeps, at most */

/*
 * An event in a batch, as small as it can be: every byte of it is written
 * on one core and read on another, and those cache-line transfers, not
 * the copy, were most of what the queue cost (with events of 64 bytes, a
 * thread that only took the events ran at 1.56x a bare parse; at 24
 * bytes, 1.26x). Its strings follow one another in the text, from text:
 * the value (length bytes, then a NUL), then the anchor and the tag, each
 * NUL-terminated, when has says so. Lines and columns are kept as the
 * loader reads them, as uint32_t.
 */
#define QEV_VALUE	1u
#define QEV_ANCHOR	2u
#define QEV_TAG		4u

struct qev {
	uint8_t		 type;		/* yaml_event_type_t */
	uint8_t		 style;		/* yaml_scalar_style_t */
	uint8_t		 has;		/* QEV_* */
	uint32_t	 line, column;
	uint32_t	 text;		/* offset into the batch's text */
	size_t		 length;	/* of the value */
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

/* Appends len bytes of s and a NUL to the text; their offset. */
static size_t
put_text(struct batch *b, const yaml_char_t *s, size_t len)
{
	size_t at;

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
	return at;
}

/* The anchor and tag of q, after its value if any. */
static void
put_names(struct batch *b, struct qev *q, const yaml_char_t *anchor,
    const yaml_char_t *tag)
{
	size_t at;

	if (anchor != NULL) {
		at = put_text(b, anchor, strlen((const char *)anchor));
		if (q->has == 0)
			q->text = (uint32_t)at;
		q->has |= QEV_ANCHOR;
	}
	if (tag != NULL) {
		at = put_text(b, tag, strlen((const char *)tag));
		if (q->has == 0)
			q->text = (uint32_t)at;
		q->has |= QEV_TAG;
	}
}

/*
 * Copies what the caller reads of one event into the batch. A batch is
 * closed once its text reaches YEVQ_TEXT, so every event's text starts
 * below that, within a uint32_t.
 */
static void
keep(struct batch *b, const yaml_event_t *ev)
{
	struct qev *q = &b->ev[b->n++];

	q->type = (uint8_t)ev->type;
	q->style = YAML_ANY_SCALAR_STYLE;
	q->has = 0;
	q->line = (uint32_t)ev->start_mark.line;
	q->column = (uint32_t)ev->start_mark.column;
	q->text = 0;
	q->length = 0;
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		q->style = (uint8_t)ev->data.scalar.style;
		q->length = ev->data.scalar.length;
		if (ev->data.scalar.value != NULL) {	/* libyaml gives one */
			q->text = (uint32_t)put_text(b, ev->data.scalar.value,
			    ev->data.scalar.length);
			q->has = QEV_VALUE;
		}
		put_names(b, q, ev->data.scalar.anchor, ev->data.scalar.tag);
		break;
	case YAML_SEQUENCE_START_EVENT:
		put_names(b, q, ev->data.sequence_start.anchor,
		    ev->data.sequence_start.tag);
		break;
	case YAML_MAPPING_START_EVENT:
		put_names(b, q, ev->data.mapping_start.anchor,
		    ev->data.mapping_start.tag);
		break;
	case YAML_ALIAS_EVENT:
		put_names(b, q, ev->data.alias.anchor, NULL);
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

/* The strings of e, in the order keep put them. */
static void
names_of(const struct batch *b, const struct qev *e, yaml_char_t **value,
    yaml_char_t **anchor, yaml_char_t **tag)
{
	char *p;

	*value = *anchor = *tag = NULL;
	if (e->has == 0)
		return;		/* the text may not even be there */
	p = b->text + e->text;
	if (e->has & QEV_VALUE) {
		*value = (yaml_char_t *)p;
		p += e->length + 1;
	}
	if (e->has & QEV_ANCHOR) {
		*anchor = (yaml_char_t *)p;
		p += strlen(p) + 1;
	}
	if (e->has & QEV_TAG)
		*tag = (yaml_char_t *)p;
}

int
yevq_next(struct yevq *q, yaml_event_t *ev)
{
	yaml_char_t *value, *tag;
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
	ev->type = (yaml_event_type_t)e->type;
	ev->start_mark.line = e->line;
	ev->start_mark.column = e->column;
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		ev->data.scalar.style = (yaml_scalar_style_t)e->style;
		ev->data.scalar.length = e->length;
		names_of(b, e, &ev->data.scalar.value, &ev->data.scalar.anchor,
		    &ev->data.scalar.tag);
		break;
	case YAML_SEQUENCE_START_EVENT:
		names_of(b, e, &value, &ev->data.sequence_start.anchor,
		    &ev->data.sequence_start.tag);
		break;
	case YAML_MAPPING_START_EVENT:
		names_of(b, e, &value, &ev->data.mapping_start.anchor,
		    &ev->data.mapping_start.tag);
		break;
	case YAML_ALIAS_EVENT:
		names_of(b, e, &value, &ev->data.alias.anchor, &tag);
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
