/* init.h - the commented starter plan that `pairplan init` prints. */
#ifndef PAIRPLAN_INIT_H
#define PAIRPLAN_INIT_H

#include <stdbool.h>
#include <stdio.h>

/*
 * Writes a commented starter plan of a kind of plan (pairing, the
 * default when NULL, mentorship, aid, responsibility or programme) in
 * lang ("zh", the default when NULL, or "en") to fp. The plan validates
 * without errors or warnings and schedules completely. Returns false for
 * another lang or kind, or when writing failed.
 */
bool	 init_print(FILE *, const char *lang, const char *kind);
/* Is kind one that init_print knows? */
bool	 init_kind_ok(const char *kind);
/*
 * The records file of the pairing starter plan (NAME.records.yaml beside
 * it), with every kind of record: held, moved and then held, cancelled,
 * held beyond the plan, a correction, a measured target. It validates
 * against the starter plan of the same lang without a diagnostic.
 */
bool	 init_print_records(FILE *, const char *lang);

#endif
