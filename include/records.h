/* records.h - what was held: the records file read into a model and checked against the plan (§11). */
#ifndef PAIRPLAN_RECORDS_H
#define PAIRPLAN_RECORDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "plan.h"

struct arena;
struct diags;

enum rec_status { REC_HELD, REC_CANCELLED, REC_MOVED };

/* A measured value of a record's targets: {name: value}. */
struct rec_value {
	const char	*name;
	const char	*text;		/* as written: "35%" */
	double		 value;
	bool		 percent;
	int32_t		 target;	/* index into the plan's targets, or -1 */
	struct pos	 pos;
};

/*
 * One record, with the keys of §11. Positions are in the records file.
 * What the checks against the schedule find is filled in by rectrack.
 */
struct record {
	int64_t		 n;		/* 0 when missing */
	const char	*event;		/* an event id, or NULL */
	const char	*activity;	/* an activity held beyond the plan */
	struct ref	 partner;	/* with activity; idx -1 when absent */
	bool		 has_partner;
	struct span	 date;
	bool		 has_date;
	uint8_t		 status;	/* enum rec_status, default held */
	struct reflist	 people;	/* who took part; n 0: the event's */
	bool		 has_people;
	int64_t		 participants;	/* -1: absent */
	const char	*note;
	struct rec_value *values;	/* targets */
	uint32_t	 nvalues;
	const char	**confirmed_by;
	uint32_t	 nconfirmed_by;
	int64_t		 replaces;	/* 0: absent */
	const char	*recorded, *by;
	struct pos	 pos, event_pos, activity_pos, date_pos, status_pos,
			 replaces_pos, n_pos;
	/* set by the checks */
	bool		 bad;		/* has an error: not applied */
	bool		 replaced;	/* a later record replaces it */
	int32_t		 series;	/* event: index into the schedule's
					   series, else -1 */
	uint32_t	 occurrence;	/* event: 1-based */
	int32_t		 act_phase;	/* activity: its phase, or -1 */
	const struct activity *act;	/* activity: the plan's, or NULL */
	int32_t		 ment;		/* activity m1..: mentorship, or -1 */
};

/* The records of one plan. */
struct records {
	const char	*file;		/* as named */
	struct record	*v;		/* in file order */
	uint32_t	 n;
	int64_t		 max_n;
	bool		 exists;
	bool		 torn;		/* ended in an incomplete line */
	/*
	 * Not to be appended to: not YAML, not UTF-8, over a limit, a number
	 * used twice, or a record whose number `record` cannot read on its
	 * line (it numbers new records from the lines "- {n: N, ...").
	 */
	bool		 broken;
};

/*
 * The records file of a plan: NAME.records.yaml beside NAME.yaml (or
 * NAME.yml; beside NAME otherwise). NULL for standard input ("-").
 */
const char *records_path(struct arena *, const char *plan_path);

enum records_load_result {
	RECORDS_LOADED,		/* read (perhaps with diagnostics) */
	RECORDS_MISSING,	/* no such file: no records, nothing reported */
	RECORDS_UNREADABLE,	/* a message was printed */
};

/*
 * Reads the records file at path into r and checks each record against
 * plan p (NULL: the form only): keys and types, numbers, references to
 * people, partners, activities and targets (with a did-you-mean), dates
 * inside the plan period, held dates on working days, `replaces` of an
 * earlier record, records-unconfirmed. Diagnostics go to d at the
 * records file's own line and column (diag_add_in). A torn last line is
 * reported (records-torn) and the lines before it are read. max_size 0
 * is the default limit. Memory is the arena's.
 */
enum records_load_result records_load(struct records *, const char *path,
	    const struct plan *p, struct arena *, struct diags *d,
	    unsigned long long max_size);

/*
 * The same over a buffer named name (tests, and `record`'s new line,
 * read back before it is written): first_line is the line number its
 * first line has in the file, and r's records before are kept, so that
 * `replaces` and duplicate numbers are checked against them.
 */
void	 records_load_buffer(struct records *, const char *name,
	    const char *buf, size_t len, unsigned long first_line,
	    const struct plan *p, struct arena *, struct diags *d);

/* The status as a plan writes it: "held", "cancelled", "moved". */
const char *records_status_name(int status);
/* The event id's series and occurrence: "p2.1#x/3" → "p2.1#x", 3. */
bool	 records_split_event(struct arena *, const char *event,
	    const char **series, uint32_t *occurrence);

#endif
