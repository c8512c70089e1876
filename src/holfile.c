/* holfile.c - holiday files: a year's official arrangement as YAML, read once for all the plans that name it. */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "cal.h"
#include "catalog.h"
#include "cn_holidays.h"
#include "date.h"
#include "diag.h"
#include "holfile.h"
#include "output.h"
#include "suggest.h"
#include "yload.h"

#define HF_MAX_YEAR	9999
#define HF_MAX_YEARS	1000	/* years one file may give (rule limit) */

struct holfile {
	struct holfile	*next;
	dev_t		 dev;
	ino_t		 ino;
	struct arena	 arena;
	struct diags	 diags;		/* at the file's own lines */
	int		*years;		/* sorted */
	size_t		 nyears;
	struct cal_fday	*days;		/* sorted */
	size_t		 ndays;
};

struct holfile_cache {
	pthread_mutex_t	 mu;
	struct holfile	*head;
};

/* ---- reading one file ---------------------------------------------- */

/* The days of one year as the entries give them, by day of the year. */
struct hf_year {
	uint8_t		 status[366];	/* CN_NONE: not listed */
	const char	*name[366];	/* NULL: named later */
	uint32_t	 line[366], col[366];
};

struct hf_parse {
	struct holfile	*hf;
	struct hf_year	**byyear;	/* [HF_MAX_YEAR + 1], calloc'd */
	uint32_t	 nyears;	/* tables made */
	bool		 too_many;	/* reported: more than HF_MAX_YEARS */
};

static struct diag *
hf_diag(struct hf_parse *hp, const struct ynode *n, enum rule_id rule,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static struct diag *
hf_diag(struct hf_parse *hp, const struct ynode *n, enum rule_id rule,
    const char *fmt, ...)
{
	struct diag *g;
	va_list ap;

	va_start(ap, fmt);
	g = diag_vadd(&hp->hf->diags, rule, n->line, n->col, fmt, ap);
	va_end(ap);
	return g;
}

/* year: a whole number, unquoted, in 1..9999; 0 after reporting. */
static int
hf_year(struct hf_parse *hp, const struct ynode *v)
{
	const char *s;
	size_t i, n;
	int y = 0;

	if (v->kind != YN_SCALAR || v->quoted) {
		hf_diag(hp, v, R_TYPE, "'year' must be a whole number, not a "
		    "%s", v->kind == YN_SCALAR ? "quoted string" :
		    ynode_kind_name(v));
		return 0;
	}
	s = v->u.str;
	n = strlen(s);
	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			break;
	if (n == 0 || i < n) {
		hf_diag(hp, v, R_TYPE, "'year' must be a whole number, not "
		    "'%s'", s);
		return 0;
	}
	for (i = 0; i < n && y <= HF_MAX_YEAR; i++)
		y = y * 10 + (s[i] - '0');
	if (y < 1 || y > HF_MAX_YEAR) {
		hf_diag(hp, v, R_BAD_DATE, "year %s is not a year of 1-9999",
		    s);
		return 0;
	}
	return y;
}

/* One side of a range, or a day, with spaces trimmed. */
static enum date_err
hf_day(const char *s, size_t n, day_t *out)
{
	while (n > 0 && s[0] == ' ')
		s++, n--;
	while (n > 0 && s[n - 1] == ' ')
		n--;
	return date_parse_day(s, n, out);
}

/*
 * A day, or (when ranges) A..B of days, into *out; false after reporting
 * (bad-date, range-order).
 */
static bool
hf_span(struct hf_parse *hp, const struct ynode *v, const char *key,
    bool ranges, struct span *out)
{
	const char *s, *dots;
	enum date_err e;
	char a[11], b[11];

	if (v->kind != YN_SCALAR) {
		hf_diag(hp, v, R_TYPE, "'%s' must be a date%s, not a %s", key,
		    ranges ? " or a range" : "", ynode_kind_name(v));
		return false;
	}
	s = v->u.str;
	dots = ranges ? strstr(s, "..") : NULL;
	if (dots != NULL) {
		e = hf_day(s, (size_t)(dots - s), &out->from);
		if (e == DATE_OK)
			e = hf_day(dots + 2, strlen(dots + 2), &out->to);
	} else {
		e = hf_day(s, strlen(s), &out->from);
		out->to = out->from;
	}
	if (e == DATE_INVALID) {
		hf_diag(hp, v, R_BAD_DATE, "'%s' is not a real date", s);
		return false;
	}
	if (e != DATE_OK) {
		hf_diag(hp, v, R_BAD_DATE, ranges ? "'%s' is not a date: write "
		    "YYYY-MM-DD or A..B of days" : "'%s' is not a date: write "
		    "YYYY-MM-DD", s);
		return false;
	}
	if (out->to < out->from) {
		date_format(out->to, a);
		date_format(out->from, b);
		hf_diag(hp, v, R_RANGE_ORDER, "the range ends %s before it "
		    "starts %s", a, b);
		return false;
	}
	return true;
}

/* Lists the days of [s] as status in year's table, reporting repeats. */
static void
hf_add(struct hf_parse *hp, const struct ynode *v, int year, struct span s,
    enum cn_status status, const char *name)
{
	struct hf_year *t;
	day_t jan1 = date_from_civil(year, 1, 1), d;
	bool reported = false;
	char day[11];
	int y, m, dd;
	size_t i;

	date_to_civil(s.from, &y, &m, &dd);
	if (y != year || s.to >= date_from_civil(year + 1, 1, 1)) {
		date_format(y != year ? s.from : s.to, day);
		hf_diag(hp, v, R_HOLIDAY_FILE, "%s is not in %d, the year of "
		    "its entry", day, year);
		return;
	}
	if ((t = hp->byyear[year]) == NULL) {
		if (hp->nyears == HF_MAX_YEARS) {
			if (!hp->too_many)
				hf_diag(hp, v, R_LIMIT, "a holiday file may give "
				    "at most %d years", HF_MAX_YEARS);
			hp->too_many = true;
			return;
		}
		if ((t = hp->byyear[year] = calloc(1, sizeof(*t))) == NULL)
			arena_oom();
		hp->nyears++;
	}
	for (d = s.from; d <= s.to; d++) {
		i = (size_t)(d - jan1);
		if (t->status[i] != CN_NONE) {
			struct diag *g;

			if (reported)
				continue;	/* one diagnostic a range */
			reported = true;
			date_format(d, day);
			g = hf_diag(hp, v, R_HOLIDAY_FILE, t->status[i] !=
			    status ? "%s is both off and work" :
			    "%s is listed twice", day);
			diag_set_note(&hp->hf->diags, g, t->line[i], t->col[i],
			    "%s is listed here first", day);
			continue;
		}
		t->status[i] = (uint8_t)status;
		t->name[i] = name;
		t->line[i] = v->line;
		t->col[i] = v->col;
	}
}

/* off or work: one date (range) or a list of them. */
static void
hf_days(struct hf_parse *hp, const struct ynode *v, const char *key,
    int year, enum cn_status status, const char *name)
{
	const struct ynode *items = v;
	struct span s;
	uint32_t i, n = 1;

	if (v->kind == YN_NULL)
		return;
	if (v->kind == YN_SEQ) {
		items = v->u.kids;
		n = v->n;
	}
	for (i = 0; i < n; i++)
		if (hf_span(hp, &items[i], key, status == CN_OFF, &s) &&
		    year > 0)
			hf_add(hp, &items[i], year, s, status, name);
}

static const char *const hf_keys[] = { "year", "name", "off", "work" };
#define HF_NKEYS	(sizeof(hf_keys) / sizeof(hf_keys[0]))

static void
hf_entry(struct hf_parse *hp, const struct ynode *e)
{
	const struct ynode *k, *v, *val[HF_NKEYS] = { NULL };
	const char *name = NULL, *hint;
	uint32_t i;
	size_t j;
	int year = 0;

	if (e->kind != YN_MAP) {
		hf_diag(hp, e, R_TYPE, "an entry of a holiday file must be a "
		    "mapping of year, off and work, not a %s",
		    ynode_kind_name(e));
		return;
	}
	for (i = 0; i < e->n; i++) {
		k = &e->u.kids[2 * i];
		v = &e->u.kids[2 * i + 1];
		if (k->kind != YN_SCALAR) {
			hf_diag(hp, k, R_TYPE, "a key of a holiday entry must "
			    "be text, not a %s", ynode_kind_name(k));
			continue;
		}
		for (j = 0; j < HF_NKEYS; j++)
			if (strcmp(k->u.str, hf_keys[j]) == 0)
				break;
		if (j == HF_NKEYS) {
			hint = suggest(k->u.str, hf_keys, HF_NKEYS);
			hf_diag(hp, k, R_UNKNOWN_KEY, "unknown key '%s' in a "
			    "holiday entry" SUGGEST_FMT, k->u.str,
			    SUGGEST_ARGS(hint));
			continue;
		}
		if (val[j] == NULL)	/* a repeat is a duplicate-key */
			val[j] = v;
	}
	if (val[0] == NULL || val[0]->kind == YN_NULL)
		hf_diag(hp, val[0] != NULL ? val[0] : e, R_REQUIRED, "a holiday "
		    "entry has no 'year'");
	else
		year = hf_year(hp, val[0]);
	if (val[1] != NULL && val[1]->kind != YN_NULL) {
		if (val[1]->kind != YN_SCALAR)
			hf_diag(hp, val[1], R_TYPE, "'name' must be text, not "
			    "a %s", ynode_kind_name(val[1]));
		else if (val[1]->u.str[0] != '\0')
			name = val[1]->u.str;
	}
	if (val[2] != NULL)
		hf_days(hp, val[2], "off", year, CN_OFF, name);
	if (val[3] != NULL)
		hf_days(hp, val[3], "work", year, CN_WORK, name);
}

/* The built-in holiday name of day i of year, or NULL. */
static const char *
hf_builtin_name(int year, long i)
{
	const char *nm = NULL;

	if (i < 0 || i >= 366 || cn_status(date_from_civil(year, 1, 1) +
	    (day_t)i, &nm, NULL) == CN_NONE)
		return NULL;
	return nm;
}

/*
 * The name of the run of off days around day i: the built-in name
 * nearest to it within the run (国庆 for a file's 10-04..10-07 after
 * 10-01..10-03), or NULL.
 */
static const char *
hf_run_name(const struct hf_year *t, int year, long i)
{
	const char *nm;
	long k;
	bool left = true, right = true;

	for (k = 0; left || right; k++) {
		left = left && i - k >= 0 && t->status[i - k] == CN_OFF;
		right = right && i + k < 366 && t->status[i + k] == CN_OFF;
		if (left && (nm = hf_builtin_name(year, i - k)) != NULL)
			return nm;
		if (right && (nm = hf_builtin_name(year, i + k)) != NULL)
			return nm;
	}
	return NULL;
}

/*
 * A day without a name: the built-in holiday of that day; for an off
 * day, the name of its run of off days; for a make-up working day, that
 * of the nearest run of off days within two weeks; else 放假 or 调休.
 */
static const char *
hf_default_name(const struct hf_year *t, int year, size_t i)
{
	const char *nm;
	long k, at = (long)i;

	if ((nm = hf_builtin_name(year, at)) != NULL)
		return nm;
	if (t->status[i] == CN_OFF)
		return (nm = hf_run_name(t, year, at)) != NULL ? nm : "放假";
	for (k = 1; k <= 14; k++) {
		if (at - k >= 0 && t->status[at - k] == CN_OFF &&
		    (nm = hf_run_name(t, year, at - k)) != NULL)
			return nm;
		if (at + k < 366 && t->status[at + k] == CN_OFF &&
		    (nm = hf_run_name(t, year, at + k)) != NULL)
			return nm;
	}
	return "调休";
}

/* The years and days of the tables, in order, into the holfile. */
static void
hf_collect(struct hf_parse *hp)
{
	struct holfile *hf = hp->hf;
	struct avec years = { 0 }, days = { 0 };
	struct hf_year *t;
	struct cal_fday *fd;
	size_t i;
	int y;

	for (y = 1; y <= HF_MAX_YEAR; y++) {
		if ((t = hp->byyear[y]) == NULL)
			continue;
		*(int *)avec_push(&hf->arena, &years, sizeof(int)) = y;
		for (i = 0; i < 366; i++) {
			if (t->status[i] == CN_NONE)
				continue;
			fd = avec_push(&hf->arena, &days, sizeof(*fd));
			fd->day = date_from_civil(y, 1, 1) + (day_t)i;
			fd->status = t->status[i];
			fd->name = t->name[i] != NULL ? t->name[i] :
			    hf_default_name(t, y, i);
		}
		free(t);
	}
	hf->years = years.v;
	hf->nyears = years.n;
	hf->days = days.v;
	hf->ndays = days.n;
}

/* Only blank lines, comments and document markers: no entry at all. */
static bool
hf_blank(const char *buf, size_t len)
{
	size_t i = 0, j;

	while (i < len) {
		for (j = i; j < len && (buf[j] == ' ' || buf[j] == '\t'); j++)
			;
		if (j < len && buf[j] != '\n' && buf[j] != '\r' &&
		    buf[j] != '#' && !(len - j >= 3 &&
		    (memcmp(buf + j, "---", 3) == 0 ||
		    memcmp(buf + j, "...", 3) == 0)))
			return false;
		while (j < len && buf[j] != '\n')
			j++;
		i = j + 1;
	}
	return true;
}

static void
hf_parse(struct holfile *hf, const char *buf, size_t len)
{
	struct hf_parse hp;
	const struct ynode *root;
	struct yload_opts o;
	uint32_t i;

	memset(&hp, 0, sizeof(hp));
	hp.hf = hf;
	if (hf_blank(buf, len)) {
		diag_add(&hf->diags, R_REQUIRED, 1, 1, "the holiday file is "
		    "empty: it needs a list of entries {year, off, work}");
		return;
	}
	memset(&o, 0, sizeof(o));
	o.max_size = HOLFILE_MAX_SIZE;
	if ((root = yload_buffer(buf, len, &hf->arena, &hf->diags, &o)) ==
	    NULL)
		return;
	if (root->kind != YN_SEQ) {
		hf_diag(&hp, root, R_TYPE, "a holiday file must be a list of "
		    "entries {year, off, work}, not a %s",
		    ynode_kind_name(root));
		return;
	}
	if ((hp.byyear = calloc(HF_MAX_YEAR + 1, sizeof(*hp.byyear))) ==
	    NULL)
		arena_oom();
	for (i = 0; i < root->n; i++)
		hf_entry(&hp, &root->u.kids[i]);
	hf_collect(&hp);
	free(hp.byyear);
}

/* The whole file into a malloc'd buffer; false with errno set. */
static bool
hf_read(FILE *fp, char **buf, size_t *len)
{
	size_t cap = 4096, n = 0, k;
	char *b, *nb;

	if ((b = malloc(cap)) == NULL)
		arena_oom();
	for (;;) {
		if (n == cap) {
			if ((nb = realloc(b, cap *= 2)) == NULL)
				arena_oom();
			b = nb;
		}
		k = fread(b + n, 1, cap - n, fp);
		n += k;
		if (k == 0 || n > HOLFILE_MAX_SIZE)
			break;
	}
	if (ferror(fp)) {
		free(b);
		return false;
	}
	*buf = b;
	*len = n;
	return true;
}

/* ---- the cache ----------------------------------------------------- */

struct holfile_cache *
holfile_cache_new(void)
{
	struct holfile_cache *c;

	if ((c = calloc(1, sizeof(*c))) == NULL)
		arena_oom();
	if (pthread_mutex_init(&c->mu, NULL) != 0)
		arena_oom();
	return c;
}

void
holfile_cache_free(struct holfile_cache *c)
{
	struct holfile *hf, *next;

	if (c == NULL)
		return;
	for (hf = c->head; hf != NULL; hf = next) {
		next = hf->next;
		arena_release(&hf->arena);
		free(hf);
	}
	pthread_mutex_destroy(&c->mu);
	free(c);
}

/* Reads and parses an open file; NULL with *why on a read error. */
static struct holfile *
hf_load(FILE *fp, const struct stat *st, const char *path, const char **why)
{
	struct holfile *hf;
	char *buf;
	size_t len;

	if ((hf = calloc(1, sizeof(*hf))) == NULL)
		arena_oom();
	hf->dev = st->st_dev;
	hf->ino = st->st_ino;
	arena_init(&hf->arena);
	diags_init(&hf->diags, &hf->arena, arena_strdup(&hf->arena, path));
	if (!hf_read(fp, &buf, &len)) {
		*why = strerror(errno);
		arena_release(&hf->arena);
		free(hf);
		return NULL;
	}
	if (len > HOLFILE_MAX_SIZE)
		diag_add(&hf->diags, R_LIMIT, 1, 1, "the holiday file is larger "
		    "than %u bytes", HOLFILE_MAX_SIZE);
	else
		hf_parse(hf, buf, len);
	free(buf);
	diags_sort(&hf->diags);
	return hf;
}

const struct holfile *
holfile_get(struct holfile_cache *c, const char *path, const char **why)
{
	struct holfile *hf;
	struct stat st;
	FILE *fp;
	int fd;

	*why = NULL;
	/* without blocking: a FIFO named as a holiday file must not hang */
	if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) == -1) {
		*why = strerror(errno);
		return NULL;
	}
	if (fstat(fd, &st) != 0) {
		*why = strerror(errno);
		close(fd);
		return NULL;
	}
	if (!S_ISREG(st.st_mode)) {
		*why = S_ISDIR(st.st_mode) ? "it is a directory" :
		    "it is not a regular file";
		close(fd);
		return NULL;
	}
	if (fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK) == -1 ||
	    (fp = fdopen(fd, "rb")) == NULL) {
		*why = strerror(errno);
		close(fd);
		return NULL;
	}
	output_note_input(fd);
	pthread_mutex_lock(&c->mu);
	for (hf = c->head; hf != NULL; hf = hf->next)
		if (hf->dev == st.st_dev && hf->ino == st.st_ino)
			break;
	if (hf == NULL && (hf = hf_load(fp, &st, path, why)) != NULL) {
		hf->next = c->head;
		c->head = hf;
	}
	pthread_mutex_unlock(&c->mu);
	fclose(fp);
	return hf;
}

int
holfile_repeated_year(const struct holfile *hf, const struct calendar *cal)
{
	size_t i;

	for (i = 0; i < hf->nyears; i++)
		if (cal_file_covers_year(cal, hf->years[i]))
			return hf->years[i];
	return 0;
}

size_t
holfile_apply(const struct holfile *hf, struct calendar *cal,
    struct arena *a, struct diags *d, const char *name)
{
	const struct diag *g;
	struct diag *x;
	struct cal_fday *v;
	const char *last = NULL, *copy = NULL;
	size_t i;

	for (i = 0; i < hf->diags.n; i++) {
		g = &hf->diags.v[i];
		x = diag_add_in(d, name, g->rule, g->line, g->col, "%s",
		    g->msg);
		if (g->note != NULL)
			diag_set_note(d, x, g->note_line, g->note_col, "%s",
			    g->note);
	}
	v = arena_alloc(a, (hf->ndays + 1) * sizeof(*v));
	for (i = 0; i < hf->ndays; i++) {
		v[i] = hf->days[i];
		if (v[i].name != last) {
			last = v[i].name;
			copy = arena_strdup(a, last);
		}
		v[i].name = copy;
	}
	cal_add_file_years(cal, a, hf->years, hf->nyears, v, hf->ndays);
	return hf->diags.count[SEV_ERROR];
}
