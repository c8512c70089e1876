/* report_text.h - what the md and html reports share: their words in Chinese and English, names looked up by id. */
#ifndef PAIRPLAN_REPORT_TEXT_H
#define PAIRPLAN_REPORT_TEXT_H

#include <stdbool.h>
#include <stdint.h>

#include "report.h"
#include "sbuf.h"

/* The words of a report document, in one language. */
struct report_words {
	const char	*title, *sep;
	const char	*as_of;		/* a format: "As of %s." */
	const char	*semesters_note;
	const char	*totals, *item, *number;
	const char	*t_plans, *t_with_errors, *t_hosts, *t_partners,
			*t_flagged, *t_people, *t_events, *t_due, *t_held,
			*t_overdue, *t_unplaced, *t_quotas;
	/* the same, short, as table columns; and what they mean */
	const char	*c_events, *c_due, *c_held, *c_overdue, *c_unplaced,
			*c_quotas, *columns_note;
	const char	*partners, *partner, *hosts, *host, *visits, *total,
			*state, *flag_none, *flag_few, *flag_empty,
			*partners_note;
	const char	*hosts_h, *plans_col, *partners_col;
	const char	*people, *person, *org, *busiest, *by_month;
	const char	*plans, *file, *errors, *left_out, *unreadable,
			*plans_note;
	const char	*none;		/* an empty cell */
};

const struct report_words *report_words(bool en);

/* The name of a host or partner by id (the id itself when unknown). */
const char *report_org_name(const struct report *, const char *id);
/* Names of ids joined by the language's separator. */
void	 report_names(struct sbuf *, const struct report *,
	    const char *const *ids, uint32_t n, bool en);
/* Why a partner is flagged ("" when it is not). */
void	 report_flag_text(struct sbuf *, const struct report *,
	    const struct report_partner *, bool en);
/* A semester as a heading: 2024年秋, 2025年春; Autumn 2024, Spring 2025. */
void	 report_semester_name(struct sbuf *, int sem, bool en);
/* The months of the month strips: "（2024-09 至 2025-06）". */
void	 report_month_range(struct sbuf *, const struct report *, bool en);
/* A person's events by month: "2024-10: 3, 2024-11: 5". */
void	 report_months_text(struct sbuf *, const struct report_person *);
/* A person's busiest month: "2024-10: 5", or none when there is none. */
void	 report_busiest_text(struct sbuf *, const struct report_person *,
	    const char *none);
/* A count in a semester cell: "5", or "5 (2 held)" / "5（已开展 2）". */
void	 report_term_text(struct sbuf *, const struct report_term *, bool en);

#endif
