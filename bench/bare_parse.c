/* bare_parse: the baseline of the pairplan speed targets (spec §9).
 *
 * A bare libyaml event-parse loop: open the file, hand it to libyaml with
 * yaml_parser_set_input_file, then yaml_parser_parse / yaml_event_delete until
 * STREAM-END or an error.  Prints the number of events.  Nothing else is done
 * with the events, so this is the least any libyaml-based validator must pay.
 *
 *   cc -std=c17 -O2 -Wall -Wextra -Wpedantic -Werror bench/bare_parse.c -lyaml -o bench/bare_parse
 *   bench/bare_parse FILE        (FILE may be - for standard input)
 *
 * Exit status: 0 parsed to STREAM-END, 1 YAML error, 2 usage or unreadable file.
 */
#include <stdio.h>
#include <string.h>

#include <yaml.h>

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s FILE\n", argc > 0 ? argv[0] : "bare_parse");
        return 2;
    }
    const char *path = argv[1];
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (f == NULL) {
        perror(path);
        return 2;
    }

    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) {
        fprintf(stderr, "%s: cannot initialise the YAML parser\n", path);
        if (f != stdin)
            fclose(f);
        return 2;
    }
    yaml_parser_set_input_file(&parser, f);

    unsigned long long events = 0;
    int status = 0;
    for (;;) {
        yaml_event_t event;
        if (!yaml_parser_parse(&parser, &event)) {
            fprintf(stderr, "%s:%lu:%lu: error: %s\n", path,
                    (unsigned long)parser.problem_mark.line + 1,
                    (unsigned long)parser.problem_mark.column + 1,
                    parser.problem != NULL ? parser.problem : "YAML error");
            status = 1;
            break;
        }
        events++;
        int done = event.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&event);
        if (done)
            break;
    }

    yaml_parser_delete(&parser);
    if (ferror(f)) {
        perror(path);
        status = 2;
    }
    if (f != stdin)
        fclose(f);
    printf("%llu\n", events);
    return status;
}
