/* render_util.c - what the output formats share: names of sites, people and phases, display width. */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include <utf8proc.h>

#include "date.h"
#include "plan.h"
#include "render_util.h"
#include "sbuf.h"
#include "sched.h"

const char *const rs_weekday_abbr[7] = {
	"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"
};

const struct plan *
rs_plan(const struct schedule *s, const struct sched_series *sr)
{
	return s->plans[sr->plan];
}

const char *
rs_org_id(const struct plan *p, int32_t i)
{
	return i >= 0 && (uint32_t)i < p->norgs ? p->orgs[i].id : NULL;
}

const char *
rs_phase_id(const struct plan *p, int32_t i)
{
	return i >= 0 && (uint32_t)i < p->nphases ? p->phases[i].id : NULL;
}

static bool
rs_english(const struct plan *p)
{
	return p->lang != NULL && strcmp(p->lang, "en") == 0;
}

const char *
rs_site_name(const struct plan *p, int32_t i)
{
	if (i >= 0 && (uint32_t)i < p->norgs)
		return p->orgs[i].name != NULL ? p->orgs[i].name :
		    p->orgs[i].id;
	return rs_english(p) ? "online" : "线上";
}

const char *
rs_name_sep(const struct plan *p)
{
	return rs_english(p) ? ", " : "、";
}

void
rs_title(struct sbuf *b, const struct sched_series *sr, uint32_t occurrence)
{
	const char *title = sched_title(sr);

	sbuf_puts(b, title != NULL ? title : "");
	if (sr->of > 1)
		sbuf_printf(b, " (%u/%u)", occurrence, sr->of);
}

void
rs_people_names(struct sbuf *b, const struct plan *p,
    const struct sched_series *sr)
{
	const char *sep = rs_name_sep(p);
	uint32_t i, n = 0;
	int32_t k;

	for (i = 0; i < sr->npeople; i++) {
		k = sr->people[i];
		if (k < 0 || (uint32_t)k >= p->npeople)
			continue;
		if (n++ > 0)
			sbuf_puts(b, sep);
		sbuf_puts(b, p->people[k].name != NULL ? p->people[k].name :
		    p->people[k].id);
	}
}

void
rs_date(day_t d, char *buf)
{
	date_format(d, buf);
}

size_t
rs_display_width(const char *s, size_t len)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	utf8proc_ssize_t k;
	utf8proc_int32_t c;
	size_t w = 0;
	int cw;

	while (len > 0) {
		k = utf8proc_iterate(p, (utf8proc_ssize_t)len, &c);
		if (k <= 0) {		/* not UTF-8: one column a byte */
			w++;
			p++;
			len--;
			continue;
		}
		cw = utf8proc_charwidth(c);
		w += cw > 0 ? (size_t)cw : 0;
		p += k;
		len -= (size_t)k;
	}
	return w;
}

int
rs_series_kind(const struct sched_series *sr)
{
	int k = plan_kind_from_name(sched_kind(sr));

	return k >= 0 ? k : K_OTHER;
}
