// The micropython decorators that choose a code emitter, on a firmware that has only the
// bytecode one.
//
// A board compiles @micropython.native and @micropython.viper functions to machine code and
// @micropython.asm_thumb (rp2) or asm_xtensa (esp32) functions from assembler. mpsim's firmware
// has no emitter for wasm, and py/compile.c without one rejects all of them with a bare
// "SyntaxError: invalid micropython decorator". The link wraps mp_parse (Makefile: --wrap),
// which every compilation (scripts, the REPL, import, eval, exec) goes through, to look at the
// decorators in each parse tree before the compiler does:
// - @micropython.native means the same as bytecode, only faster, so it becomes
//   @micropython.bytecode and the function runs as on a board;
// - viper and the assemblers change what the code means (machine-word ints, pointers,
//   registers), so they raise NotImplementedError naming the decorator, at its line.
#include "py/lexer.h"
#include "py/parse.h"
#include "py/runtime.h"
#include "py/stackctrl.h"

// The parse tree's rule numbers, as py/compile.c numbers them.
typedef enum {
    #define DEF_RULE(rule, comp, kind, ...) PN_##rule,
    #define DEF_RULE_NC(rule, kind, ...)
    #include "py/grammar.h"
#undef DEF_RULE
#undef DEF_RULE_NC
    PN_const_object,
    #define DEF_RULE(rule, comp, kind, ...)
    #define DEF_RULE_NC(rule, kind, ...) PN_##rule,
    #include "py/grammar.h"
#undef DEF_RULE
#undef DEF_RULE_NC
} pn_kind_t;

mp_parse_tree_t __real_mp_parse(mp_lexer_t *lex, mp_parse_input_kind_t input_kind);

// Rewrites or rejects decorator, an @micropython.NAME one or any other.
static void check_decorator(mp_parse_node_struct_t *decorator, qstr source_name) {
    mp_parse_node_t name = decorator->nodes[0];
    if (!MP_PARSE_NODE_IS_STRUCT_KIND(name, PN_dotted_name)) {
        return;
    }
    mp_parse_node_struct_t *dotted = (mp_parse_node_struct_t *)name;
    if (MP_PARSE_NODE_STRUCT_NUM_NODES(dotted) != 2
        || !MP_PARSE_NODE_IS_ID(dotted->nodes[0]) || !MP_PARSE_NODE_IS_ID(dotted->nodes[1])
        || MP_PARSE_NODE_LEAF_ARG(dotted->nodes[0]) != MP_QSTR_micropython) {
        return;
    }
    qstr attr = MP_PARSE_NODE_LEAF_ARG(dotted->nodes[1]);
    if (attr == MP_QSTR_native) {
        dotted->nodes[1] = mp_parse_node_new_leaf(MP_PARSE_NODE_ID, MP_QSTR_bytecode);
    } else if (attr == MP_QSTR_viper || attr == MP_QSTR_asm_thumb || attr == MP_QSTR_asm_xtensa) {
        mp_obj_t exc = mp_obj_new_exception_msg_varg(&mp_type_NotImplementedError,
            MP_ERROR_TEXT("@micropython.%q is not supported by mpsim's firmware (no native code emitter for wasm)"),
            attr);
        mp_obj_exception_add_traceback(exc, source_name, decorator->source_line, MP_QSTRnull);
        nlr_raise(exc);
    }
}

// Checks every decorator in the tree below pn.
static void check_tree(mp_parse_node_t pn, qstr source_name) {
    // A constant node holds objects, not nodes.
    if (!MP_PARSE_NODE_IS_STRUCT(pn) || MP_PARSE_NODE_IS_STRUCT_KIND(pn, PN_const_object)) {
        return;
    }
    MP_STACK_CHECK();
    mp_parse_node_struct_t *pns = (mp_parse_node_struct_t *)pn;
    if (MP_PARSE_NODE_STRUCT_KIND(pns) == PN_decorator) {
        check_decorator(pns, source_name);
        return;
    }
    size_t n = MP_PARSE_NODE_STRUCT_NUM_NODES(pns);
    for (size_t i = 0; i < n; ++i) {
        check_tree(pns->nodes[i], source_name);
    }
}

mp_parse_tree_t __wrap_mp_parse(mp_lexer_t *lex, mp_parse_input_kind_t input_kind) {
    // mp_parse frees the lexer.
    qstr source_name = lex->source_name;
    mp_parse_tree_t tree = __real_mp_parse(lex, input_kind);
    check_tree(tree.root, source_name);
    return tree;
}
