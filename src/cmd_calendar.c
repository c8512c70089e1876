/* cmd_calendar.c - pairplan calendar: a year's days that differ from an ordinary week, with their names and sources. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "cal.h"
#include "cli.h"
#include "cn_holidays.h"
#include "commands.h"
#include "date.h"
#include "diag.h"
#include "ics.h"
#include "jw.h"
#include "output.h"
#include "plan.h"
#include "plandoc.h"
#include "render_util.h"
#include "sbuf.h"

const char cmd_calendar_usage[] =
    "usage: pairplan calendar YEAR [--plan PLAN] [--format table|json|ics]\n"
    "                         [-o OUT] [--max-size BYTES]\n"
    "\n"
    "Prints the days of YEAR (1901-2099) that differ from an ordinary\n"
    "Monday-Friday week, the non-working weekdays and the working weekend\n"
    "days, each with its name and where it comes from:\n"
    "\n"
    "  official   China's official arrangements, 2004-2026\n"
    "  computed   the statutory holidays of 2027-2099, without the "
    "bridging\n"
    "             days and make-up working days announced each year\n"
    "  file       a holiday file of the plan (calendar.holidays)\n"
    "  plan       the plan's workdays, closed and open days\n"
    "\n"
    "  --plan PLAN         the calendar of PLAN (- for standard input): "
    "its\n"
    "                      workdays, holiday files, closed and open days; "
    "a\n"
    "                      day of some sites only ({dates, at}) is listed "
    "with\n"
    "                      those sites (at)\n"
    "  --format FORMAT     table (default), json or ics\n"
    "  -o, --output OUT    write to OUT, replaced whole, instead of "
    "standard\n"
    "                      output\n"
    "  --max-size BYTES    largest plan read (default 256M; K, M, G "
    "suffixes)\n"
    "\n"
    "Exit status: 0 success, 1 errors in the plan, 2 usage error, a year\n"
    "outside 1901-2099, unreadable file or output not written.\n";

enum cal_format { CF_TABLE, CF_JSON, CF_ICS };

struct calendar_args {
	int			 year;
	const char		*plan;		/* --plan, or NULL */
	const char		*out;		/* -o, or NULL */
	enum cal_format		 format;
	struct yload_opts	 opts;
};

/* YEAR: digits only, 1901-2099. */
static int
calendar_year(const struct cmd_struct *c, const char *s, int *year)
{
	const char *p;
	long y = 0;

	for (p = s; *p >= '0' && *p <= '9' && y < 100000; p++)
		y = y * 10 + (*p - '0');
	if (p == s || *p != '\0')
		return cli_usage_error(c, "bad year '%s': write it in digits, "
		    "e.g. 2027", s);
	if (y < 1901 || y > 2099)
		return cli_usage_error(c, "year %s is outside 1901-2099", s);
	*year = (int)y;
	return EXIT_OK;
}

static int
calendar_args(const struct cmd_struct *c, int argc, char **argv,
    struct calendar_args *ca)
{
	const char *v, *year = NULL;
	bool files_only = false;
	int i;

	memset(ca, 0, sizeof(*ca));
	for (i = 1; i < argc; i++) {
		if (files_only || argv[i][0] != '-' || argv[i][1] == '\0') {
			if (year != NULL)
				return cli_usage_error(c, "one YEAR only, not "
				    "'%s' too", argv[i]);
			year = argv[i];
			continue;
		}
		if (strcmp(argv[i], "--") == 0) {
			files_only = true;
			continue;
		}
		if ((v = cli_opt_value(argc, argv, &i, "--plan")) != NULL)
			ca->plan = v;
		else if ((v = cli_opt_value(argc, argv, &i, "--format")) !=
		    NULL) {
			if (strcmp(v, "table") == 0)
				ca->format = CF_TABLE;
			else if (strcmp(v, "json") == 0)
				ca->format = CF_JSON;
			else if (strcmp(v, "ics") == 0)
				ca->format = CF_ICS;
			else
				return cli_usage_error(c, "unknown format '%s' "
				    "(one of: table, json, ics)", v);
		} else if ((v = cli_opt_value(argc, argv, &i, "--max-size")) !=
		    NULL) {
			if (!cli_parse_size(v, &ca->opts.max_size))
				return cli_usage_error(c, "bad size '%s'", v);
		} else if ((v = cli_opt_output(argc, argv, &i)) != NULL)
			ca->out = v;
		else if (strcmp(argv[i], "--plan") == 0 ||
		    strcmp(argv[i], "--format") == 0 ||
		    strcmp(argv[i], "--max-size") == 0 ||
		    strcmp(argv[i], "-o") == 0 ||
		    strcmp(argv[i], "--output") == 0)
			return cli_usage_error(c, "option '%s' needs a value",
			    argv[i]);
		else
			return cli_usage_error(c, "unknown option '%s'",
			    argv[i]);
		if (*v == '\0')
			return cli_usage_error(c, "empty value for '%.*s'",
			    (int)strcspn(argv[i], "="), argv[i]);
	}
	if (year == NULL)
		return cli_usage_error(c, "no YEAR given");
	return calendar_year(c, year, &ca->year);
}

/* The sites of a row, "a、b", or "" for every site. */
static const char *
row_sites(struct sbuf *b, const struct cal_row *r)
{
	uint32_t i;

	sbuf_clear(b);
	for (i = 0; i < r->nat; i++)
		sbuf_printf(b, "%s%s", i ? "、" : "", r->at[i]);
	return b->n > 0 ? b->p : "";
}

/* Text padded with spaces to width columns (CJK characters count two). */
static void
pad(FILE *fp, const char *s, size_t width)
{
	size_t w = rs_display_width(s, strlen(s));

	fputs(s, fp);
	while (w++ < width)
		putc(' ', fp);
}

static void
calendar_table(FILE *fp, int year, const struct cal_row *rows, size_t n,
    const char *plan)
{
	struct sbuf b = { 0 };
	size_t i, wname = 4, w;
	bool sites = false;
	char day[11];

	fprintf(fp, "%d%s%s: the days that differ from a Monday-Friday "
	    "week\n", year, plan != NULL ? ", " : "", plan != NULL ? plan :
	    "");
	if (cn_year_source(year) == CN_NO_SOURCE)
		fprintf(fp, "(no built-in holidays for %d: pairplan has them "
		    "for %d-2099)\n", year, CN_OFFICIAL_FIRST);
	if (n == 0) {
		fputs("(none)\n", fp);
		return;
	}
	for (i = 0; i < n; i++) {
		if ((w = rs_display_width(rows[i].name,
		    strlen(rows[i].name))) > wname)
			wname = w;
		sites |= rows[i].nat > 0;
	}
	fputs("date        day  status  ", fp);
	pad(fp, "name", wname + 2);
	fputs(sites ? "source    sites\n" : "source\n", fp);
	for (i = 0; i < n; i++) {
		date_format(rows[i].day, day);
		fprintf(fp, "%s  %s  %-6s  ", day,
		    rs_weekday_abbr[date_weekday(rows[i].day)],
		    rows[i].working ? "work" : "off");
		pad(fp, rows[i].name, wname + 2);
		if (rows[i].nat > 0) {
			pad(fp, cal_source_name(rows[i].source), 10);
			fputs(row_sites(&b, &rows[i]), fp);
		} else
			fputs(cal_source_name(rows[i].source), fp);
		putc('\n', fp);
	}
	sbuf_free(&b);
}

static void
calendar_json(FILE *fp, int year, const struct cal_row *rows, size_t n)
{
	bool first = true;
	uint32_t k;
	size_t i;

	fprintf(fp, "{\"year\": %d, \"days\": [", year);
	for (i = 0; i < n; i++) {
		jw_item(fp, &first, "");
		fputs("{\"date\": ", fp);
		jw_date(fp, rows[i].day);
		fprintf(fp, ", \"status\": \"%s\", \"name\": ",
		    rows[i].working ? "work" : "off");
		jw_str(fp, rows[i].name);
		fprintf(fp, ", \"source\": \"%s\"",
		    cal_source_name(rows[i].source));
		if (rows[i].at != NULL) {
			fputs(", \"at\": [", fp);
			for (k = 0; k < rows[i].nat; k++) {
				if (k > 0)
					fputs(", ", fp);
				jw_str(fp, rows[i].at[k]);
			}
			putc(']', fp);
		}
		putc('}', fp);
	}
	fputs(n > 0 ? "\n]}\n" : "]}\n", fp);
}

static void
calendar_ics(FILE *fp, int year, const struct cal_row *rows, size_t n,
    const char *plan)
{
	struct sbuf b = { 0 }, v = { 0 };
	char stamp[32];

	ics_stamp(stamp, sizeof(stamp), date_from_civil(year, 1, 1));
	ics_begin(fp);
	ics_day_rows(fp, rows, n, stamp, ics_tag(plan != NULL ? plan :
	    "calendar"), &b, &v);
	ics_end(fp);
	sbuf_free(&b);
	sbuf_free(&v);
}

int
cmd_calendar(const struct cmd_struct *c, int argc, char **argv)
{
	struct diag_out dout = { stderr, false, false };
	struct calendar_args ca;
	struct plandoc pd;
	struct calendar cal;
	struct cal_row *rows = NULL;
	struct output out;
	struct arena a;
	struct span yr;
	size_t n = 0, cap = 0;
	bool first = true, loaded = false;
	char *files[1];
	int status;

	if ((status = calendar_args(c, argc, argv, &ca)) != EXIT_OK)
		return status;
	if (ca.plan != NULL) {
		files[0] = (char *)ca.plan;
		if (cli_output_is_input(ca.out, files, 1))
			return EXIT_USAGE;
	}
	yr.from = date_from_civil(ca.year, 1, 1);
	yr.to = date_from_civil(ca.year, 12, 31);
	arena_init(&a);
	if (ca.plan != NULL) {
		dout.color = cli_use_color();
		ca.opts.holidays = cli_holidays();
		status = cli_load_plan(&pd, ca.plan, &ca.opts, &dout, false,
		    &first);
		loaded = true;
		if (!pd.unreadable && pd.plan == NULL)
			status = cli_worst(status, EXIT_PLAN);
		if (status == EXIT_OK)
			rows = plan_calendar_rows(pd.plan, yr, &a, &n);
	} else {
		cal_init(&cal);
		cal_rows(&cal, NULL, yr, NULL, 0, &a, &rows, &n, &cap);
	}
	if (status == EXIT_OK) {
		if (!output_open(&out, ca.out))
			status = EXIT_USAGE;
		else {
			if (ca.format == CF_JSON)
				calendar_json(out.fp, ca.year, rows, n);
			else if (ca.format == CF_ICS)
				calendar_ics(out.fp, ca.year, rows, n,
				    ca.plan);
			else
				calendar_table(out.fp, ca.year, rows, n,
				    ca.plan);
			if (fflush(out.fp) != 0 || ferror(out.fp)) {
				output_fail(&out);
				status = EXIT_USAGE;
			} else if (!output_commit(&out))
				status = EXIT_USAGE;
		}
	}
	arena_release(&a);
	if (loaded)
		plandoc_release(&pd);
	return status;
}
