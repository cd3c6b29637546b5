/*
 * GLPK behind a setjmp guard. See include/cglpkshim.h for the contract.
 *
 * Why C: GLPK reports fatal errors (bad index, duplicate index, memory limit) by calling an error
 * hook and aborting the process if the hook returns. The only way back is longjmp to a setjmp
 * that sits in a C frame below every GLPK frame, and Swift cannot host setjmp. After the jump
 * GLPK's environment is in an undefined state, so glp_free_env() throws it away (with every
 * problem object of this thread); the next GLPK call builds a fresh one.
 */
#define _POSIX_C_SOURCE 200809L

#include "cglpkshim.h"

#include <glpk.h>

#include <errno.h>
#include <float.h>
#include <limits.h>
#include <malloc.h>
#include <math.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* ---------------------------------------------------------------------------------------------
 * The guard: error hook + terminal hook, one per thread (GLPK environments are thread-local).
 * It lives in thread-local storage rather than on the stack so that nothing it holds is an
 * automatic variable changed between setjmp and longjmp (those would be indeterminate).
 * ------------------------------------------------------------------------------------------- */

typedef struct {
    jmp_buf jump;
    int active;
    cglpkshim_log_fn log;
    void *log_context;
    /* The line being assembled for `log`: GLPK prints partial lines. */
    char line[2048];
    size_t line_length;
    /* The tail of everything GLPK printed, so a fatal error's message can be returned. */
    char tail[4096];
    size_t tail_length;
} shim_guard;

static _Thread_local shim_guard guard;

static void shim_error_hook(void *info) {
    (void)info;
    longjmp(guard.jump, 1);
}

static void shim_append_tail(char c) {
    if (guard.tail_length + 1 >= sizeof guard.tail) {
        /* Keep the newer half. */
        size_t keep = sizeof guard.tail / 2;
        memmove(guard.tail, guard.tail + guard.tail_length - keep, keep);
        guard.tail_length = keep;
    }
    guard.tail[guard.tail_length++] = c;
    guard.tail[guard.tail_length] = '\0';
}

static void shim_flush_line(void) {
    if (guard.log != NULL && guard.line_length > 0) {
        guard.line[guard.line_length] = '\0';
        guard.log(guard.log_context, guard.line);
    }
    guard.line_length = 0;
}

/* Returning non-zero tells GLPK not to print the text itself. */
static int shim_term_hook(void *info, const char *text) {
    (void)info;
    for (const char *p = text; *p != '\0'; p++) {
        shim_append_tail(*p);
        if (*p == '\n') {
            shim_flush_line();
        } else if (guard.line_length + 1 < sizeof guard.line) {
            guard.line[guard.line_length++] = *p;
        }
    }
    return 1;
}

/* GLPK frees and reallocates large node arrays at the top of the heap many times per second; with
   glibc's default trim threshold every free gives the pages back (brk) and the next allocation faults
   them in again. Measured on the default scenario (release, idle): 8.8 s of 36.7 s were system time,
   and with the threshold raised the same plan took 24.4 s. Process-wide, so set once. */
static pthread_once_t shim_heap_once = PTHREAD_ONCE_INIT;
static void shim_keep_heap(void) { mallopt(M_TRIM_THRESHOLD, 1 << 30); }

/* Resets the guard's buffers and installs the hooks. Call right after setjmp returned 0. */
static void shim_guard_install(cglpkshim_log_fn log, void *log_context, int memory_limit_mib) {
    guard.log = log;
    guard.log_context = log_context;
    guard.line_length = 0;
    guard.tail_length = 0;
    guard.tail[0] = '\0';
    pthread_once(&shim_heap_once, shim_keep_heap);
    glp_error_hook(shim_error_hook, NULL);
    glp_term_hook(shim_term_hook, NULL);
    /* The limit is part of the environment: set it on every call so one solve's limit does not
       leak into the next. */
    glp_mem_limit(memory_limit_mib > 0 ? memory_limit_mib : INT_MAX);
}

/* Normal exit from a guarded region. */
static void shim_release_separation(void);

static void shim_guard_remove(void) {
    shim_release_separation();
    shim_flush_line();
    glp_term_hook(NULL, NULL);
    glp_error_hook(NULL, NULL);
    glp_mem_limit(INT_MAX);
    guard.log = NULL;
    guard.log_context = NULL;
    guard.active = 0;
}

/* Copies the last `lines` non-empty lines of GLPK's output into `message`, joined by " / ". */
static void shim_tail_message(char *message, size_t capacity, int lines) {
    if (message == NULL || capacity == 0) return;
    message[0] = '\0';
    size_t end = guard.tail_length;
    size_t start = end;
    int found = 0;
    /* Walk back over `lines` non-empty lines. */
    while (start > 0 && found < lines) {
        while (start > 0 && (guard.tail[start - 1] == '\n' || guard.tail[start - 1] == ' ')) start--;
        if (start == 0) break;
        while (start > 0 && guard.tail[start - 1] != '\n') start--;
        found++;
    }
    size_t out = 0;
    int pending_separator = 0;
    for (size_t i = start; i < end && out + 4 < capacity; i++) {
        char c = guard.tail[i];
        if (c == '\n') {
            pending_separator = out > 0;
            continue;
        }
        if (pending_separator) {
            message[out++] = ' ';
            message[out++] = '/';
            message[out++] = ' ';
            pending_separator = 0;
            if (out + 4 >= capacity) break;
        }
        message[out++] = c;
    }
    message[out] = '\0';
}

/* Exit from a guarded region through longjmp: throw the environment away. */
static int shim_guard_fatal(char *message, size_t capacity) {
    shim_release_separation();
    shim_flush_line();
    shim_tail_message(message, capacity, 2);
    /* Frees every GLPK object of this thread, hooks included; a new environment is created by
       the next GLPK call. */
    glp_free_env();
    guard.log = NULL;
    guard.log_context = NULL;
    guard.active = 0;
    /* GLPK's own limit (glp_mem_limit), or the system refusing it memory ("glp_alloc: no memory
       available", e.g. under ulimit -v): both are the search running out of memory. */
    if (message != NULL && (strstr(message, "memory allocation limit exceeded") != NULL
                            || strstr(message, "no memory available") != NULL)) {
        return CGLPKSHIM_MEMORY_LIMIT;
    }
    return CGLPKSHIM_FATAL;
}

static void shim_set_message(char *message, size_t capacity, const char *text) {
    if (message == NULL || capacity == 0) return;
    snprintf(message, capacity, "%s", text);
}

/* ---------------------------------------------------------------------------------------------
 * Small helpers
 * ------------------------------------------------------------------------------------------- */

static double shim_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int shim_bound_type(double lower, double upper) {
    int has_lower = isfinite(lower), has_upper = isfinite(upper);
    if (has_lower && has_upper) return lower == upper ? GLP_FX : GLP_DB;
    if (has_lower) return GLP_LO;
    if (has_upper) return GLP_UP;
    return GLP_FR;
}

static int shim_message_level(int level) {
    switch (level) {
    case CGLPKSHIM_MSG_ERRORS: return GLP_MSG_ERR;
    case CGLPKSHIM_MSG_NORMAL: return GLP_MSG_ON;
    case CGLPKSHIM_MSG_ALL: return GLP_MSG_ALL;
    default: return GLP_MSG_OFF;
    }
}

static int shim_branching(int branching) {
    switch (branching) {
    case CGLPKSHIM_BRANCH_FIRST_FRACTIONAL: return GLP_BR_FFV;
    case CGLPKSHIM_BRANCH_LAST_FRACTIONAL: return GLP_BR_LFV;
    case CGLPKSHIM_BRANCH_MOST_FRACTIONAL: return GLP_BR_MFV;
    case CGLPKSHIM_BRANCH_PSEUDOCOST: return GLP_BR_PCH;
    /* The callback chooses at every branching; GLPK's own rule is only the (cheap) fallback. */
    case CGLPKSHIM_BRANCH_PSEUDOCOST_AVERAGED: return GLP_BR_MFV;
    default: return GLP_BR_DTH;
    }
}

static int shim_backtracking(int backtracking) {
    switch (backtracking) {
    case CGLPKSHIM_BACKTRACK_DEPTH_FIRST: return GLP_BT_DFS;
    case CGLPKSHIM_BACKTRACK_BREADTH_FIRST: return GLP_BT_BFS;
    case CGLPKSHIM_BACKTRACK_BEST_PROJECTION: return GLP_BT_BPH;
    default: return GLP_BT_BLB;
    }
}

static int shim_time_limit(const cglpkshim_options *options) {
    return options->time_limit_ms > 0 ? options->time_limit_ms : INT_MAX;
}

static const char *shim_return_code_text(int code) {
    switch (code) {
    case GLP_EBADB: return "invalid initial basis";
    case GLP_ESING: return "singular basis matrix";
    case GLP_ECOND: return "ill-conditioned basis matrix";
    case GLP_EBOUND: return "some double-bounded variables have incorrect bounds";
    case GLP_EFAIL: return "the solver failed";
    case GLP_EOBJLL: return "objective lower limit reached";
    case GLP_EOBJUL: return "objective upper limit reached";
    case GLP_EITLIM: return "iteration limit exceeded";
    case GLP_EROOT: return "optimal basis for the root LP relaxation not provided";
    case GLP_ENOCVG: return "no convergence";
    case GLP_EINSTAB: return "numerical instability";
    default: return "unexpected return code";
    }
}

static void shim_error_result(cglpkshim_result *result, const char *what, int code) {
    result->termination = CGLPKSHIM_ERROR;
    snprintf(result->message, sizeof result->message, "%s: %s (GLPK return code %d)", what,
             shim_return_code_text(code), code);
}

/* ---------------------------------------------------------------------------------------------
 * Building the problem (inside a guard)
 * ------------------------------------------------------------------------------------------- */

static glp_prob *shim_build(const cglpkshim_model *model) {
    glp_prob *problem = glp_create_prob();
    if (model->name != NULL && model->name[0] != '\0') glp_set_prob_name(problem, model->name);
    glp_set_obj_name(problem, "obj");
    glp_set_obj_dir(problem, model->sense == CGLPKSHIM_MAXIMIZE ? GLP_MAX : GLP_MIN);
    glp_set_obj_coef(problem, 0, model->objective_constant);

    if (model->column_count > 0) glp_add_cols(problem, model->column_count);
    const char *name = model->column_names;
    for (int j = 0; j < model->column_count; j++) {
        double lower = model->column_lower[j], upper = model->column_upper[j];
        glp_set_col_bnds(problem, j + 1, shim_bound_type(lower, upper),
                         isfinite(lower) ? lower : 0.0, isfinite(upper) ? upper : 0.0);
        glp_set_obj_coef(problem, j + 1, model->objective[j]);
        /* GLP_IV rather than GLP_BV: GLP_BV would overwrite bounds a caller narrowed (fixed). */
        if (model->column_is_integer[j]) glp_set_col_kind(problem, j + 1, GLP_IV);
        if (name != NULL) {
            glp_set_col_name(problem, j + 1, name);
            name += strlen(name) + 1;
        }
    }

    if (model->row_count > 0) glp_add_rows(problem, model->row_count);
    name = model->row_names;
    for (int i = 0; i < model->row_count; i++) {
        double lower = model->row_lower[i], upper = model->row_upper[i];
        glp_set_row_bnds(problem, i + 1, shim_bound_type(lower, upper),
                         isfinite(lower) ? lower : 0.0, isfinite(upper) ? upper : 0.0);
        if (name != NULL) {
            glp_set_row_name(problem, i + 1, name);
            name += strlen(name) + 1;
        }
    }

    int nonzeros = model->row_count > 0 ? model->row_starts[model->row_count] : 0;
    if (nonzeros > 0) {
        /* glp_alloc, not malloc: if GLPK jumps out, glp_free_env() reclaims these too. GLPK's
           arrays are 1-based, element 0 unused. */
        int *rows = glp_alloc(nonzeros + 1, sizeof(int));
        int *columns = glp_alloc(nonzeros + 1, sizeof(int));
        double *values = glp_alloc(nonzeros + 1, sizeof(double));
        int k = 1;
        for (int i = 0; i < model->row_count; i++) {
            for (int p = model->row_starts[i]; p < model->row_starts[i + 1]; p++, k++) {
                rows[k] = i + 1;
                columns[k] = model->column_indices[p] + 1;
                values[k] = model->coefficients[p];
            }
        }
        glp_load_matrix(problem, nonzeros, rows, columns, values);
        glp_free(values);
        glp_free(columns);
        glp_free(rows);
    }
    return problem;
}

/* ---------------------------------------------------------------------------------------------
 * Branch-and-cut callback
 * ------------------------------------------------------------------------------------------- */

/* What the shim's pseudocost branching remembers about the branching made at one node number. */
typedef struct {
    int column;         /* the tree's column branched on; 0: none */
    double value;       /* its LP value at the node */
    double objective;   /* the node's LP objective when it branched */
    long long serial;   /* which branching of the search (1, 2, ...) */
    long long learned;  /* serial of the last branching this node number learnt from */
} shim_branch_record;

/* State of the shim's pseudocost branching (CGLPKSHIM_BRANCH_PSEUDOCOST_AVERAGED). The arrays are
   glp_alloc'd: freed after glp_intopt, or with the whole environment when GLPK's error hook fires. */
typedef struct {
    int active;
    int exact;          /* GLPK's own rule (ios_pcost_branch), strong branching on `threads` threads */
    int threads;
    int column_count;   /* the tree's problem's columns (the presolved problem with presolve) */
    double *down_sum;   /* 1-based: per-unit degradations seen, summed */
    double *up_sum;
    int *down_count;
    int *up_count;
    shim_branch_record *records;  /* by node number */
    int record_capacity;
    long long serial;           /* branchings chosen so far */
    long long observations;     /* pseudocosts learnt */
    long long strong_evaluations; /* strong-branching LPs solved (exact rule) */
    long long strong_shared;      /* of them, solved in batches shared over threads */
    /* The node just branched on: when GLPK finds one branch hopeless it keeps that node (same number)
       with the other branch's bound and solves it again. Cleared when a node is selected. */
    int pending_node;
} shim_branching_state;

typedef struct {
    const cglpkshim_options *options;
    int maximize;
    double started;
    double last_report;
    int reported;
    int has_incumbent;
    double incumbent;
    int has_bound;
    double bound;
    long long nodes;
    int stop_requested;
    /* Stopped because ceil(bound) met the incumbent: that is a proof of optimality. */
    int integral_stop;
    /* Stopped because the tree reached the node limit. */
    int node_stop;
    /* The caller's separator runs (no presolve: the tree's columns are the model's). */
    int separating;
    int column_count;
    int separation_node;
    int separation_round;
    long long cuts_added;
    long long cuts_rejected;
    /* The model's rows (cuts are appended after them) and whether the start plan was offered yet. */
    int model_row_count;
    int start_offered;
    int start_accepted;
    shim_branching_state branching;
} shim_search;

/* The rounded bound is valid when every objective coefficient is integral on integer columns. */
static double shim_integral_bound(const shim_search *search, double bound) {
    return search->maximize ? floor(bound + 1e-6) : ceil(bound - 1e-6);
}

/* ---------------------------------------------------------------------------------------------
 * Cuts of the caller's own (see cglpkshim_cuts_add in the header)
 *
 * The buffers are thread-local and malloc'd, not glp_alloc'd: cglpkshim_cuts_add runs in the Swift
 * separator, and a GLPK error there would longjmp across Swift frames. They are freed when the
 * guarded region ends, normally or through the error hook.
 * ------------------------------------------------------------------------------------------- */

struct cglpkshim_cuts {
    int count;
    int *starts;          /* count + 1 */
    int *columns;         /* starts[count], 0-based */
    double *coefficients; /* starts[count] */
    double *rhs;          /* count */
    int *is_lower;        /* count */
    int cut_capacity;
    int term_capacity;
};

static _Thread_local struct cglpkshim_cuts shim_cuts;

/* The node's LP values, a mark per column (duplicate check) and GLPK's 1-based row arrays. */
static _Thread_local struct {
    double *values;
    int *marks;
    int *ind;
    double *val;
    int capacity;
} shim_separation;

static void shim_release_separation(void) {
    free(shim_cuts.starts);
    free(shim_cuts.columns);
    free(shim_cuts.coefficients);
    free(shim_cuts.rhs);
    free(shim_cuts.is_lower);
    memset(&shim_cuts, 0, sizeof shim_cuts);
    free(shim_separation.values);
    free(shim_separation.marks);
    free(shim_separation.ind);
    free(shim_separation.val);
    memset(&shim_separation, 0, sizeof shim_separation);
}

/* Grows `*array` (elements of `size` bytes) to hold at least `needed`; 0 when memory runs out. */
static int shim_grow(void **array, int *capacity, int needed, size_t size) {
    if (needed <= *capacity) return 1;
    int wanted = *capacity > 0 ? *capacity : 64;
    while (wanted < needed) {
        if (wanted > INT_MAX / 2) return 0;
        wanted *= 2;
    }
    void *grown = realloc(*array, (size_t)wanted * size);
    if (grown == NULL) return 0;
    *array = grown;
    *capacity = wanted;
    return 1;
}

int cglpkshim_cuts_add(cglpkshim_cuts *cuts, int length, const int *columns, const double *coefficients,
                       int is_lower, double rhs) {
    if (cuts == NULL || length < 0 || (length > 0 && (columns == NULL || coefficients == NULL))) return -1;
    if (cuts->starts == NULL) {
        cuts->starts = malloc(sizeof(int));
        if (cuts->starts == NULL) return -1;
        cuts->starts[0] = 0;
    }
    int terms = cuts->starts[cuts->count];
    if (length > INT_MAX - terms) return -1;
    /* All arrays indexed by cut share cut_capacity; grow them together. */
    int cut_capacity = cuts->cut_capacity;
    if (cuts->count + 1 > cut_capacity) {
        int wanted = cut_capacity > 0 ? cut_capacity * 2 : 64;
        int *starts = realloc(cuts->starts, (size_t)(wanted + 1) * sizeof(int));
        if (starts == NULL) return -1;
        cuts->starts = starts;
        double *right = realloc(cuts->rhs, (size_t)wanted * sizeof(double));
        if (right == NULL) return -1;
        cuts->rhs = right;
        int *lower = realloc(cuts->is_lower, (size_t)wanted * sizeof(int));
        if (lower == NULL) return -1;
        cuts->is_lower = lower;
        cuts->cut_capacity = wanted;
    }
    int term_capacity = cuts->term_capacity;
    if (!shim_grow((void **)&cuts->columns, &term_capacity, terms + length, sizeof(int))) return -1;
    int coefficient_capacity = cuts->term_capacity;
    if (!shim_grow((void **)&cuts->coefficients, &coefficient_capacity, terms + length, sizeof(double))) return -1;
    cuts->term_capacity = term_capacity < coefficient_capacity ? term_capacity : coefficient_capacity;
    if (length > 0) {
        memcpy(cuts->columns + terms, columns, (size_t)length * sizeof(int));
        memcpy(cuts->coefficients + terms, coefficients, (size_t)length * sizeof(double));
    }
    cuts->rhs[cuts->count] = rhs;
    cuts->is_lower[cuts->count] = is_lower != 0;
    cuts->count++;
    cuts->starts[cuts->count] = terms + length;
    return 0;
}

/* Asks the caller's separator for cuts at the current node and hands the sound ones to GLPK. */
static void shim_separate(glp_tree *tree, shim_search *search) {
    const cglpkshim_options *options = search->options;
    glp_prob *problem = glp_ios_get_prob(tree);
    int n = glp_get_num_cols(problem);
    /* Without presolve the tree's problem is the model itself; anything else is not ours to cut. */
    if (n <= 0 || n != search->column_count) return;
    if (n + 1 > shim_separation.capacity) {
        free(shim_separation.values);
        free(shim_separation.marks);
        free(shim_separation.ind);
        free(shim_separation.val);
        shim_separation.values = malloc((size_t)(n + 1) * sizeof(double));
        shim_separation.marks = calloc((size_t)(n + 1), sizeof(int));
        shim_separation.ind = malloc((size_t)(n + 1) * sizeof(int));
        shim_separation.val = malloc((size_t)(n + 1) * sizeof(double));
        shim_separation.capacity = n + 1;
        if (shim_separation.values == NULL || shim_separation.marks == NULL || shim_separation.ind == NULL
            || shim_separation.val == NULL) {
            shim_release_separation();
            return;
        }
    }
    int node = glp_ios_curr_node(tree);
    if (node != search->separation_node) {
        search->separation_node = node;
        search->separation_round = 0;
    }
    int level = glp_ios_node_level(tree, node);
    for (int j = 0; j < n; j++) shim_separation.values[j] = glp_get_col_prim(problem, j + 1);

    shim_cuts.count = 0;
    if (shim_cuts.starts != NULL) shim_cuts.starts[0] = 0;
    options->separate(options->separate_context, shim_separation.values, n, level, search->separation_round,
                      &shim_cuts);
    search->separation_round++;

    for (int c = 0; c < shim_cuts.count; c++) {
        int start = shim_cuts.starts[c], length = shim_cuts.starts[c + 1] - start;
        double rhs = shim_cuts.rhs[c];
        int sound = length > 0 && isfinite(rhs);
        int k = 0;
        for (; sound && k < length; k++) {
            int j = shim_cuts.columns[start + k];
            double a = shim_cuts.coefficients[start + k];
            /* GLPK treats a column out of range or repeated in a row as a fatal error. */
            if (j < 0 || j >= n || shim_separation.marks[j] || !isfinite(a)) {
                sound = 0;
                break;
            }
            shim_separation.marks[j] = 1;
            shim_separation.ind[k + 1] = j + 1;
            shim_separation.val[k + 1] = a;
        }
        for (int q = 0; q < k; q++) shim_separation.marks[shim_cuts.columns[start + q]] = 0;
        if (!sound) {
            search->cuts_rejected++;
            continue;
        }
        glp_ios_add_row(tree, NULL, 0, 0, length, shim_separation.ind, shim_separation.val,
                        shim_cuts.is_lower[c] ? GLP_LO : GLP_UP, rhs);
        search->cuts_added++;
    }
}

/* ---------------------------------------------------------------------------------------------
 * Pseudocost branching of the shim's own (CGLPKSHIM_BRANCH_PSEUDOCOST_AVERAGED)
 *
 * GLPK's GLP_BR_PCH initialises every unknown pseudocost by strong branching (a copy of the whole
 * problem and 30 dual iterations each way per column): 18 s of a 50 s plan on the default scenario.
 * Here an unknown pseudocost is the average of the known ones in that direction (1 when none is
 * known). Pseudocosts are learnt as in GLPK's ios_pcost_update (|dz/dx| against the parent's LP),
 * but at every node whose LP is solved (GLP_IROWGEN), not only at nodes that branch again.
 * Deterministic: no clock, no randomness; ties go to the more fractional, then the lower column.
 * ------------------------------------------------------------------------------------------- */

static const double shim_branch_eps = 1e-6;

/* Makes room for node number `node`; 0 when it cannot (GLPK's error hook fires on no memory). */
static int shim_branch_reserve(shim_branching_state *b, int node) {
    if (node <= 0) return 0;
    if (node < b->record_capacity) return 1;
    int wanted = b->record_capacity > 0 ? b->record_capacity : 256;
    while (wanted <= node) {
        if (wanted > INT_MAX / 2) return 0;
        wanted *= 2;
    }
    shim_branch_record *grown = glp_alloc(wanted, sizeof *grown);
    if (b->records != NULL) {
        memcpy(grown, b->records, (size_t)b->record_capacity * sizeof *grown);
        glp_free(b->records);
    }
    memset(grown + b->record_capacity, 0, (size_t)(wanted - b->record_capacity) * sizeof *grown);
    b->records = grown;
    b->record_capacity = wanted;
    return 1;
}

static void shim_branch_free(shim_branching_state *b) {
    if (b->down_sum != NULL) glp_free(b->down_sum);
    if (b->up_sum != NULL) glp_free(b->up_sum);
    if (b->down_count != NULL) glp_free(b->down_count);
    if (b->up_count != NULL) glp_free(b->up_count);
    if (b->records != NULL) glp_free(b->records);
    b->down_sum = b->up_sum = NULL;
    b->down_count = b->up_count = NULL;
    b->records = NULL;
    b->record_capacity = 0;
    b->column_count = 0;
}

/* The per-column arrays for the tree's problem (its column count does not change during a search). */
static void shim_branch_prepare(shim_branching_state *b, int n) {
    if (b->down_sum != NULL && b->column_count == n) return;
    shim_branch_free(b);
    b->column_count = n;
    b->down_sum = glp_alloc(n + 1, sizeof(double));
    b->up_sum = glp_alloc(n + 1, sizeof(double));
    b->down_count = glp_alloc(n + 1, sizeof(int));
    b->up_count = glp_alloc(n + 1, sizeof(int));
    memset(b->down_sum, 0, (size_t)(n + 1) * sizeof(double));
    memset(b->up_sum, 0, (size_t)(n + 1) * sizeof(double));
    memset(b->down_count, 0, (size_t)(n + 1) * sizeof(int));
    memset(b->up_count, 0, (size_t)(n + 1) * sizeof(int));
}

/* One observed per-unit degradation `psi` of column j, in the direction of the change dx. */
static void shim_branch_observe(shim_branching_state *b, int j, double dx, double psi) {
    b->observations++;
    if (dx < 0.0) {
        b->down_sum[j] += psi;
        b->down_count[j]++;
    } else {
        b->up_sum[j] += psi;
        b->up_count[j]++;
    }
}

/* GLP_IROWGEN: the current node's LP is solved and optimal. Learn from the branching that made it. */
static void shim_branch_learn(glp_tree *tree, shim_branching_state *b) {
    glp_prob *problem = glp_ios_get_prob(tree);
    shim_branch_prepare(b, glp_get_num_cols(problem));
    int node = glp_ios_curr_node(tree);
    int pending = b->pending_node;
    b->pending_node = 0;
    if (!shim_branch_reserve(b, node)) return;
    const shim_branch_record *from = NULL;
    if (pending == node) {
        /* One branch was hopeless: this node is the other branch of its own last branching. */
        from = &b->records[node];
    } else {
        int parent = glp_ios_up_node(tree, node);
        if (parent > 0 && parent < b->record_capacity) from = &b->records[parent];
    }
    /* Serials only grow, and a node number is reused only after its node is gone, so a record newer
       than the last one this number learnt from is new to this node (cut rounds re-solve a node). */
    if (from == NULL || from->column <= 0 || from->serial <= b->records[node].learned) return;
    b->records[node].learned = from->serial;
    int j = from->column;
    if (j > b->column_count) return;
    double dx = glp_get_col_prim(problem, j) - from->value;
    if (fabs(dx) < 1e-9) return;
    double psi = fabs((glp_get_obj_val(problem) - from->objective) / dx);
    if (!isfinite(psi)) return;
    shim_branch_observe(b, j, dx, psi);
}

/* GLP_IBRANCH: choose the column by the product of the estimated degradations and tell GLPK. */
static void shim_branch_choose(glp_tree *tree, shim_branching_state *b) {
    glp_prob *problem = glp_ios_get_prob(tree);
    int n = glp_get_num_cols(problem);
    shim_branch_prepare(b, n);
    double known_down = 0, known_up = 0;
    int down_columns = 0, up_columns = 0;
    for (int j = 1; j <= n; j++) {
        if (b->down_count[j] > 0) {
            known_down += b->down_sum[j] / b->down_count[j];
            down_columns++;
        }
        if (b->up_count[j] > 0) {
            known_up += b->up_sum[j] / b->up_count[j];
            up_columns++;
        }
    }
    double average_down = down_columns > 0 ? known_down / down_columns : 1.0;
    double average_up = up_columns > 0 ? known_up / up_columns : 1.0;

    int chosen = 0, direction = GLP_DN_BRNCH;
    double best_score = -1.0, best_fraction = -1.0, chosen_value = 0.0;
    for (int j = 1; j <= n; j++) {
        if (!glp_ios_can_branch(tree, j)) continue;
        double x = glp_get_col_prim(problem, j);
        double f = x - floor(x);
        double psi_down = b->down_count[j] > 0 ? b->down_sum[j] / b->down_count[j] : average_down;
        double psi_up = b->up_count[j] > 0 ? b->up_sum[j] / b->up_count[j] : average_up;
        double d_down = psi_down * f, d_up = psi_up * (1.0 - f);
        double score = fmax(d_down, shim_branch_eps) * fmax(d_up, shim_branch_eps);
        double fraction = fmin(f, 1.0 - f);
        if (score > best_score || (score == best_score && fraction > best_fraction)) {
            best_score = score;
            best_fraction = fraction;
            chosen = j;
            chosen_value = x;
            /* As GLPK: continue with the branch that degrades the objective less. */
            direction = d_down <= d_up ? GLP_DN_BRNCH : GLP_UP_BRNCH;
        }
    }
    if (chosen == 0) return;  /* nothing to branch on: GLPK's own rule decides */
    int node = glp_ios_curr_node(tree);
    if (shim_branch_reserve(b, node)) {
        shim_branch_record *record = &b->records[node];
        record->column = chosen;
        record->value = chosen_value;
        record->objective = glp_get_obj_val(problem);
        record->serial = ++b->serial;
        b->pending_node = node;
    }
    glp_ios_branch_upon(tree, chosen, direction);
}

/* ---------------------------------------------------------------------------------------------
 * GLPK's pseudocost branching, strong branching shared over threads (exact rule)
 *
 * GLPK's GLP_BR_PCH measures each column's unknown pseudocost by strong branching: a copy of the node's
 * LP with the column fixed, 30 dual simplex iterations (eval_degrad in glpios09.c). At the default
 * scenario's root: 468 candidate columns, up to 936 LPs, about 18 s on one core. The LPs do not
 * depend on each other, so here they are solved on several threads, each with its own copy and its own GLPK environment, and then used in
 * GLPK's own order: same pseudocosts, same choices, so the same search and the same plan. A pseudocost
 * GLPK would not have measured yet (it stops at the first branch without a feasible solution) is not
 * kept. Learning follows ios_pcost_update: at each branching, from the parent's branching.
 * ------------------------------------------------------------------------------------------- */

/* As eval_degrad: a fresh copy of `node` (its optimal basis included), column j fixed at `bound`. Returns the
   degradation (>= 0) or DBL_MAX when that branch has no feasible solution. */
static double shim_strong_degradation(glp_prob *node, int j, double bound) {
    glp_prob *lp = glp_create_prob();
    glp_copy_prob(lp, node, GLP_OFF);
    glp_set_col_bnds(lp, j, GLP_FX, bound, bound);
    glp_smcp parameters;
    glp_init_smcp(&parameters);
    parameters.msg_lev = GLP_MSG_OFF;
    parameters.meth = GLP_DUAL;
    parameters.it_lim = 30;
    parameters.out_dly = 1000;
    int code = glp_simplex(lp, &parameters);
    double degradation = 0.0;
    if (code == 0 || code == GLP_EITLIM) {
        if (glp_get_prim_stat(lp) == GLP_NOFEAS) {
            degradation = DBL_MAX;
        } else if (glp_get_dual_stat(lp) == GLP_FEAS) {
            double base = glp_get_obj_val(node);
            degradation = glp_get_obj_dir(node) == GLP_MAX ? base - glp_get_obj_val(lp) : glp_get_obj_val(lp) - base;
            if (degradation < 1e-6 * (1.0 + 0.001 * fabs(base))) degradation = 0.0;
        }
    }
    glp_delete_prob(lp);
    return degradation;
}

typedef struct {
    int column;
    double bound;
    double degradation;
    int done;           /* 0: not solved (yet, or a helper thread failed) */
} shim_strong_job;

typedef struct {
    glp_prob *node;
    shim_strong_job *jobs;
    int count;
    int next;           /* taken with __atomic builtins */
} shim_strong_batch;

static void shim_strong_work(shim_strong_batch *batch) {
    for (;;) {
        int k = __atomic_fetch_add(&batch->next, 1, __ATOMIC_RELAXED);
        if (k >= batch->count) return;
        shim_strong_job *job = &batch->jobs[k];
        job->degradation = shim_strong_degradation(batch->node, job->column, job->bound);
        job->done = 1;
    }
}

/* A helper thread: its own GLPK environment, guarded like every entry point; on a GLPK error its
   remaining jobs stay undone, and the choice solves those it needs itself. The node's problem is only read. */
static void *shim_strong_thread(void *info) {
    shim_strong_batch *batch = info;
    if (setjmp(guard.jump) == 0) {
        shim_guard_install(NULL, NULL, 0);
        shim_strong_work(batch);
        shim_guard_remove();
    } else {
        shim_release_separation();
    }
    glp_free_env();
    return NULL;
}

/* Fewer LPs than this at a node are solved on the calling thread (a thread costs more than it saves). */
static const int shim_strong_batch_minimum = 16;

/* Solves `jobs` on the calling thread and threads - 1 helpers. */
static void shim_strong_solve(glp_prob *node, shim_strong_job *jobs, int count, int threads) {
    /* glp_copy_prob reads the source only, except glp_get_bfcp, which creates the basis factorisation's driver when
       the problem has none: make sure it exists, in this thread's environment, before helpers read the problem. */
    glp_bfcp factorisation;
    glp_get_bfcp(node, &factorisation);
    shim_strong_batch batch = {.node = node, .jobs = jobs, .count = count, .next = 0};
    pthread_t helpers[8];
    int started = 0;
    for (int t = 1; t < threads && t <= 8; t++) {
        if (pthread_create(&helpers[started], NULL, shim_strong_thread, &batch) == 0) started++;
    }
    shim_strong_work(&batch);
    for (int t = 0; t < started; t++) pthread_join(helpers[t], NULL);
}

/* ios_pcost_update: the parent's branching, seen from this node's LP. */
static void shim_exact_learn(glp_tree *tree, shim_branching_state *b, glp_prob *problem) {
    int node = glp_ios_curr_node(tree);
    int parent = glp_ios_up_node(tree, node);
    if (parent <= 0 || parent >= b->record_capacity) return;
    const shim_branch_record *from = &b->records[parent];
    int j = from->column;
    if (j <= 0 || j > b->column_count) return;
    double dx = glp_get_col_prim(problem, j) - from->value;
    if (dx == 0.0) return;
    shim_branch_observe(b, j, dx, fabs((glp_get_obj_val(problem) - from->objective) / dx));
}

/* GLP_IBRANCH with the exact rule: ios_pcost_branch, with the strong-branching LPs it would solve at this node
   solved beforehand, side by side, when there are many. */
static void shim_exact_choose(glp_tree *tree, shim_branching_state *b) {
    glp_prob *problem = glp_ios_get_prob(tree);
    int n = glp_get_num_cols(problem);
    shim_branch_prepare(b, n);
    shim_exact_learn(tree, b, problem);
    if (glp_get_status(problem) != GLP_OPT) return;  /* GLPK's own rule decides */

    /* The LPs GLPK may solve here, in its order: each candidate's unknown down, then up pseudocost. */
    int candidates = 0;
    for (int j = 1; j <= n; j++) candidates += glp_ios_can_branch(tree, j) ? 1 : 0;
    shim_strong_job *jobs = glp_alloc(2 * candidates + 1, sizeof *jobs);
    int job_count = 0;
    for (int j = 1; j <= n; j++) {
        if (!glp_ios_can_branch(tree, j)) continue;
        double beta = glp_get_col_prim(problem, j);
        if (b->down_count[j] == 0) jobs[job_count++] = (shim_strong_job){.column = j, .bound = floor(beta)};
        if (b->up_count[j] == 0) jobs[job_count++] = (shim_strong_job){.column = j, .bound = ceil(beta)};
    }
    if (b->threads > 1 && job_count >= shim_strong_batch_minimum) {
        shim_strong_solve(problem, jobs, job_count, b->threads);
        b->strong_shared += job_count;
    }

    int next_job = 0;
    int chosen = 0, direction = GLP_DN_BRNCH;
    double dmax = -1.0;
    for (int j = 1; j <= n; j++) {
        if (!glp_ios_can_branch(tree, j)) continue;
        double beta = glp_get_col_prim(problem, j);
        double psi[2];
        for (int side = 0; side < 2; side++) {
            int *count = side == 0 ? b->down_count : b->up_count;
            double *sum = side == 0 ? b->down_sum : b->up_sum;
            if (count[j] == 0) {
                shim_strong_job *job = &jobs[next_job++];
                if (!job->done) {
                    job->degradation = shim_strong_degradation(problem, j, job->bound);
                    job->done = 1;
                }
                b->strong_evaluations++;
                if (job->degradation == DBL_MAX) {
                    /* That branch has no feasible solution: GLPK takes this column at once. */
                    chosen = j;
                    direction = side == 0 ? GLP_DN_BRNCH : GLP_UP_BRNCH;
                    goto decided;
                }
                count[j] = 1;
                sum[j] = job->degradation / (side == 0 ? beta - floor(beta) : ceil(beta) - beta);
            }
            psi[side] = sum[j] / (double)count[j];
        }
        double d1 = psi[0] * (beta - floor(beta)), d2 = psi[1] * (ceil(beta) - beta);
        double d = d1 > d2 ? d1 : d2;
        if (dmax < d) {
            dmax = d;
            chosen = j;
            direction = d1 <= d2 ? GLP_DN_BRNCH : GLP_UP_BRNCH;
        }
    }
    if (dmax == 0.0) {
        /* No degradation is indicated: GLPK's most fractional column (branch_mostf). */
        double most = DBL_MAX;
        chosen = 0;
        for (int j = 1; j <= n; j++) {
            if (!glp_ios_can_branch(tree, j)) continue;
            double beta = glp_get_col_prim(problem, j), middle = floor(beta) + 0.5;
            if (most > fabs(beta - middle)) {
                chosen = j;
                most = fabs(beta - middle);
                direction = beta < middle ? GLP_DN_BRNCH : GLP_UP_BRNCH;
            }
        }
    }
decided:
    glp_free(jobs);
    if (chosen == 0) return;
    int node = glp_ios_curr_node(tree);
    if (shim_branch_reserve(b, node)) {
        shim_branch_record *record = &b->records[node];
        record->column = chosen;
        record->value = glp_get_col_prim(problem, chosen);
        record->objective = glp_get_obj_val(problem);
        record->serial = ++b->serial;
    }
    glp_ios_branch_upon(tree, chosen, direction);
}

/* Offers the caller's start plan as an incumbent. GLPK takes glp_ios_heur_sol's values unchecked, so the plan is
   checked here against the columns' bounds and kinds and the model's rows (tolerance 1e-6, relative to the
   row's size); a plan that does not fit is dropped and the search goes on without it. */
static void shim_offer_start(glp_tree *tree, shim_search *search) {
    const cglpkshim_options *options = search->options;
    search->start_offered = 1;
    glp_prob *problem = glp_ios_get_prob(tree);
    int n = glp_get_num_cols(problem);
    if (options->start_value_count != n) return;
    double *x = glp_alloc(1 + n, sizeof(double));
    int *index = glp_alloc(1 + n, sizeof(int));
    double *value = glp_alloc(1 + n, sizeof(double));
    int fits = 1;
    for (int j = 1; j <= n && fits; j++) {
        double v = options->start_values[j - 1];
        if (glp_get_col_kind(problem, j) == GLP_IV) {
            if (fabs(v - floor(v + 0.5)) > 1e-6) fits = 0;
            v = floor(v + 0.5);
        }
        int type = glp_get_col_type(problem, j);
        double lower = glp_get_col_lb(problem, j), upper = glp_get_col_ub(problem, j);
        if ((type == GLP_LO || type == GLP_DB || type == GLP_FX) && v < lower - 1e-6) fits = 0;
        if ((type == GLP_UP || type == GLP_DB || type == GLP_FX) && v > upper + 1e-6) fits = 0;
        if (!fits && options->message_level >= CGLPKSHIM_MSG_NORMAL) {
            const char *name = glp_get_col_name(problem, j);
            glp_printf("Start plan: column %d (%s) = %g outside [%g, %g] or not whole\n", j, name ? name : "", options->start_values[j - 1], lower, upper);
        }
        x[j] = v;
    }
    for (int i = 1; i <= search->model_row_count && fits; i++) {
        int length = glp_get_mat_row(problem, i, index, value);
        double activity = 0, size = 1;
        for (int k = 1; k <= length; k++) {
            activity += value[k] * x[index[k]];
            size = fmax(size, fabs(value[k] * x[index[k]]));
        }
        int type = glp_get_row_type(problem, i);
        double lower = glp_get_row_lb(problem, i), upper = glp_get_row_ub(problem, i), slack = 1e-6 * size;
        if ((type == GLP_LO || type == GLP_DB || type == GLP_FX) && activity < lower - slack) fits = 0;
        if ((type == GLP_UP || type == GLP_DB || type == GLP_FX) && activity > upper + slack) fits = 0;
        if (!fits && options->message_level >= CGLPKSHIM_MSG_NORMAL) {
            const char *name = glp_get_row_name(problem, i);
            glp_printf("Start plan: row %d (%s) = %g outside [%g, %g]\n", i, name ? name : "", activity, lower, upper);
        }
    }
    if (fits && glp_ios_heur_sol(tree, x) == 0) search->start_accepted = 1;
    glp_free(value);
    glp_free(index);
    glp_free(x);
}

static void shim_branch_and_cut_callback(glp_tree *tree, void *info) {
    shim_search *search = info;
    if (search->stop_requested || search->integral_stop || search->node_stop) return;

    /* GLP_IBINGO does not fire for incumbents found by heuristics (feasibility pump, rounding),
       so poll the tree's problem on every call instead of waiting for a particular reason. */
    glp_prob *problem = glp_ios_get_prob(tree);
    int improved = 0;
    int status = glp_mip_status(problem);
    if (status == GLP_FEAS || status == GLP_OPT) {
        double value = glp_mip_obj_val(problem);
        if (!search->has_incumbent || value != search->incumbent) improved = 1;
        search->has_incumbent = 1;
        search->incumbent = value;
    }
    int best = glp_ios_best_node(tree);
    if (best != 0) {
        double bound = glp_ios_node_bound(tree, best);
        /* A node not yet solved carries +-DBL_MAX. */
        if (fabs(bound) < 1e300) {
            search->has_bound = 1;
            search->bound = bound;
        }
    }
    int active = 0, current = 0, total = 0;
    glp_ios_tree_size(tree, &active, &current, &total);
    search->nodes = total;

    const cglpkshim_options *options = search->options;
    if (options->node_limit > 0 && total >= options->node_limit) {
        search->node_stop = 1;
        glp_ios_terminate(tree);
        return;
    }
    if (options->integral_objective && search->has_incumbent && search->has_bound) {
        double rounded = shim_integral_bound(search, search->bound);
        int proven = search->maximize ? rounded <= search->incumbent + 1e-6
                                      : rounded >= search->incumbent - 1e-6;
        if (proven) {
            search->integral_stop = 1;
            glp_ios_terminate(tree);
            return;
        }
    }

    if (options->progress != NULL) {
        double now = shim_now();
        double interval = options->progress_interval_seconds > 0 ? options->progress_interval_seconds : 0.2;
        if (!search->reported || improved || now - search->last_report >= interval) {
            search->reported = 1;
            search->last_report = now;
            cglpkshim_progress progress = {
                .has_incumbent = search->has_incumbent,
                .incumbent = search->incumbent,
                .has_bound = search->has_bound,
                .bound = search->bound,
                .nodes = search->nodes,
                .elapsed_seconds = now - search->started,
            };
            if (options->progress(options->progress_context, &progress) != 0) {
                search->stop_requested = 1;
                glp_ios_terminate(tree);
                return;
            }
        }
    }

    if (search->separating && glp_ios_reason(tree) == GLP_ICUTGEN) shim_separate(tree, search);
    if (!search->start_offered && options->start_values != NULL && !options->presolve && glp_ios_reason(tree) == GLP_IHEUR) {
        shim_offer_start(tree, search);
    }
    if (search->branching.exact) {
        if (glp_ios_reason(tree) == GLP_IBRANCH) shim_exact_choose(tree, &search->branching);
    } else if (search->branching.active) {
        switch (glp_ios_reason(tree)) {
        case GLP_ISELECT: search->branching.pending_node = 0; break;
        case GLP_IROWGEN: shim_branch_learn(tree, &search->branching); break;
        case GLP_IBRANCH: shim_branch_choose(tree, &search->branching); break;
        default: break;
        }
    }
}

/* ---------------------------------------------------------------------------------------------
 * Solving a loaded problem (inside a guard)
 * ------------------------------------------------------------------------------------------- */

static void shim_read_lp_solution(glp_prob *problem, cglpkshim_result *result, double *values,
                                  int value_capacity, double *row_duals, double *reduced_costs,
                                  int with_duals) {
    int n = glp_get_num_cols(problem), m = glp_get_num_rows(problem);
    result->has_solution = 1;
    result->objective = glp_get_obj_val(problem);
    if (values != NULL) {
        for (int j = 0; j < n && j < value_capacity; j++) values[j] = glp_get_col_prim(problem, j + 1);
    }
    if (!with_duals) return;
    result->has_duals = 1;
    if (row_duals != NULL) {
        for (int i = 0; i < m; i++) row_duals[i] = glp_get_row_dual(problem, i + 1);
    }
    if (reduced_costs != NULL) {
        for (int j = 0; j < n; j++) reduced_costs[j] = glp_get_col_dual(problem, j + 1);
    }
}

/* After a presolved solve reported "no dual feasible solution" the problem is unbounded or
   infeasible; an unpresolved simplex run on the LP (relaxation) tells which. */
static int shim_classify_dual_infeasible(glp_prob *problem, const cglpkshim_options *options) {
    glp_smcp parameters;
    glp_init_smcp(&parameters);
    parameters.msg_lev = shim_message_level(options->message_level);
    parameters.presolve = GLP_OFF;
    int code = glp_simplex(problem, &parameters);
    if (code == 0 && glp_get_status(problem) == GLP_NOFEAS) return CGLPKSHIM_INFEASIBLE;
    return CGLPKSHIM_UNBOUNDED;
}

static void shim_solve_lp(glp_prob *problem, const cglpkshim_options *options,
                          cglpkshim_result *result, double *values, int value_capacity,
                          double *row_duals, double *reduced_costs) {
    glp_smcp parameters;
    glp_init_smcp(&parameters);
    parameters.msg_lev = shim_message_level(options->message_level);
    parameters.tm_lim = shim_time_limit(options);
    parameters.presolve = options->presolve ? GLP_ON : GLP_OFF;
    int code = glp_simplex(problem, &parameters);
    result->glpk_return_code = code;
    switch (code) {
    case 0:
        switch (glp_get_status(problem)) {
        case GLP_OPT:
            result->termination = CGLPKSHIM_OPTIMAL;
            shim_read_lp_solution(problem, result, values, value_capacity, row_duals, reduced_costs, 1);
            result->has_bound = 1;
            result->best_bound = result->objective;
            break;
        case GLP_NOFEAS: result->termination = CGLPKSHIM_INFEASIBLE; break;
        case GLP_UNBND: result->termination = CGLPKSHIM_UNBOUNDED; break;
        default:
            result->termination = CGLPKSHIM_ERROR;
            snprintf(result->message, sizeof result->message,
                     "simplex ended with solution status %d", glp_get_status(problem));
        }
        break;
    case GLP_ETMLIM:
        result->termination = CGLPKSHIM_TIME_LIMIT;
        if (glp_get_prim_stat(problem) == GLP_FEAS) {
            shim_read_lp_solution(problem, result, values, value_capacity, NULL, NULL, 0);
        }
        break;
    case GLP_ENOPFS: result->termination = CGLPKSHIM_INFEASIBLE; break;
    case GLP_ENODFS: result->termination = shim_classify_dual_infeasible(problem, options); break;
    default: shim_error_result(result, "simplex", code);
    }
}

static void shim_solve_mip(glp_prob *problem, const cglpkshim_options *options,
                           cglpkshim_result *result, double *values, int value_capacity,
                           double started) {
    int time_limit = shim_time_limit(options);

    if (!options->presolve) {
        /* Without GLPK's presolver glp_intopt needs an optimal basis of the root LP. */
        glp_smcp parameters;
        glp_init_smcp(&parameters);
        parameters.msg_lev = shim_message_level(options->message_level);
        parameters.tm_lim = time_limit;
        int code = glp_simplex(problem, &parameters);
        result->glpk_return_code = code;
        if (code == GLP_ETMLIM) {
            result->termination = CGLPKSHIM_TIME_LIMIT;
            return;
        }
        if (code != 0) {
            shim_error_result(result, "simplex on the root LP relaxation", code);
            return;
        }
        switch (glp_get_status(problem)) {
        case GLP_OPT: break;
        case GLP_NOFEAS: result->termination = CGLPKSHIM_INFEASIBLE; return;
        case GLP_UNBND: result->termination = CGLPKSHIM_UNBOUNDED; return;
        default:
            result->termination = CGLPKSHIM_ERROR;
            snprintf(result->message, sizeof result->message,
                     "root LP relaxation ended with status %d", glp_get_status(problem));
            return;
        }
        if (time_limit != INT_MAX) {
            double spent_ms = (shim_now() - started) * 1000.0;
            double left = (double)time_limit - spent_ms;
            time_limit = left < 1.0 ? 1 : (int)left;
        }
    }

    shim_search search = {
        .options = options,
        .maximize = glp_get_obj_dir(problem) == GLP_MAX,
        .started = started,
        .separating = options->separate != NULL && !options->presolve,
        .column_count = glp_get_num_cols(problem),
        .model_row_count = glp_get_num_rows(problem),
        .branching = {.active = options->branching == CGLPKSHIM_BRANCH_PSEUDOCOST_AVERAGED,
                      .exact = options->branching == CGLPKSHIM_BRANCH_PSEUDOCOST && options->strong_branching_threads > 1,
                      .threads = options->strong_branching_threads},
    };
    glp_iocp parameters;
    glp_init_iocp(&parameters);
    parameters.msg_lev = shim_message_level(options->message_level);
    parameters.tm_lim = time_limit;
    parameters.mip_gap = options->mip_gap > 0 ? options->mip_gap : 0.0;
    parameters.presolve = options->presolve ? GLP_ON : GLP_OFF;
    parameters.gmi_cuts = options->gomory_cuts ? GLP_ON : GLP_OFF;
    parameters.mir_cuts = options->mir_cuts ? GLP_ON : GLP_OFF;
    parameters.cov_cuts = options->cover_cuts ? GLP_ON : GLP_OFF;
    parameters.clq_cuts = options->clique_cuts ? GLP_ON : GLP_OFF;
    /* The exact rule chooses at every branching; GLPK's own rule is only the (cheap) fallback. */
    parameters.br_tech = search.branching.exact ? GLP_BR_MFV : shim_branching(options->branching);
    parameters.bt_tech = shim_backtracking(options->backtracking);
    parameters.fp_heur = options->feasibility_pump ? GLP_ON : GLP_OFF;
    parameters.cb_func = shim_branch_and_cut_callback;
    parameters.cb_info = &search;

    int code = glp_intopt(problem, &parameters);
    if (search.branching.exact && options->message_level >= CGLPKSHIM_MSG_NORMAL) {
        glp_printf("Pseudocost branching: %lld branchings, %lld strong-branching LPs, %lld of them shared over %d threads\n",
                   search.branching.serial, search.branching.strong_evaluations, search.branching.strong_shared,
                   search.branching.threads);
    }
    if (search.start_offered && options->message_level >= CGLPKSHIM_MSG_NORMAL) {
        glp_printf("Start plan %s\n", search.start_accepted ? "accepted as the first incumbent" : "not taken (does not fit, or no better)");
    }
    if (search.branching.active && options->message_level >= CGLPKSHIM_MSG_NORMAL) {
        glp_printf("Shim pseudocost branching: %lld branchings, %lld pseudocosts learnt\n",
                   search.branching.serial, search.branching.observations);
    }
    shim_branch_free(&search.branching);
    result->glpk_return_code = code;
    result->nodes = search.nodes;
    result->cuts_added = search.cuts_added;
    result->cuts_rejected = search.cuts_rejected;

    int status = glp_mip_status(problem);
    if (status == GLP_OPT || status == GLP_FEAS) {
        result->has_solution = 1;
        result->objective = glp_mip_obj_val(problem);
        if (values != NULL) {
            int n = glp_get_num_cols(problem);
            for (int j = 0; j < n && j < value_capacity; j++) values[j] = glp_mip_col_val(problem, j + 1);
        }
    }
    if (search.has_bound) {
        result->has_bound = 1;
        result->best_bound = options->integral_objective ? shim_integral_bound(&search, search.bound)
                                                         : search.bound;
    }

    switch (code) {
    case 0:
        if (status == GLP_OPT) {
            result->termination = CGLPKSHIM_OPTIMAL;
            result->has_bound = 1;
            result->best_bound = result->objective;
        } else if (status == GLP_NOFEAS) {
            result->termination = CGLPKSHIM_INFEASIBLE;
        } else {
            result->termination = CGLPKSHIM_ERROR;
            snprintf(result->message, sizeof result->message,
                     "branch-and-cut ended with solution status %d", status);
        }
        break;
    case GLP_EMIPGAP:
        /* Optimal within the requested relative gap. */
        result->termination = CGLPKSHIM_OPTIMAL;
        break;
    case GLP_ETMLIM:
        result->termination = CGLPKSHIM_TIME_LIMIT;
        break;
    case GLP_ESTOP:
        if (search.integral_stop && result->has_solution) {
            result->termination = CGLPKSHIM_OPTIMAL;
            result->has_bound = 1;
            result->best_bound = result->objective;
        } else if (search.node_stop) {
            result->termination = CGLPKSHIM_NODE_LIMIT;
        } else {
            result->termination = CGLPKSHIM_STOPPED;
        }
        break;
    case GLP_ENOPFS:
        result->termination = CGLPKSHIM_INFEASIBLE;
        break;
    case GLP_ENODFS:
        result->termination = shim_classify_dual_infeasible(problem, options);
        break;
    default:
        shim_error_result(result, "branch-and-cut", code);
    }
}

static void shim_solve_loaded(glp_prob *problem, const cglpkshim_options *options,
                              cglpkshim_result *result, double *values, int value_capacity,
                              double *row_duals, double *reduced_costs, double started) {
    int is_mip = !options->relax_integrality && glp_get_num_int(problem) > 0;
    if (is_mip) {
        shim_solve_mip(problem, options, result, values, value_capacity, started);
    } else {
        shim_solve_lp(problem, options, result, values, value_capacity, row_duals, reduced_costs);
    }
}

static void shim_reset_result(cglpkshim_result *result) {
    memset(result, 0, sizeof *result);
    result->termination = CGLPKSHIM_ERROR;
}

/* Claims the thread's guard; fails when a GLPK callback re-enters the shim. */
static int shim_claim_guard(char *message, size_t capacity) {
    if (guard.active) {
        shim_set_message(message, capacity, "the GLPK shim was re-entered from a GLPK callback");
        return 0;
    }
    guard.active = 1;
    return 1;
}

/* ---------------------------------------------------------------------------------------------
 * Temporary files (outside any guard: no GLPK calls)
 * ------------------------------------------------------------------------------------------- */

static int shim_make_temp_path(char *path, size_t capacity) {
    const char *directory = getenv("TMPDIR");
    if (directory == NULL || directory[0] == '\0') directory = "/tmp";
    if ((size_t)snprintf(path, capacity, "%s/cglpkshim-XXXXXX", directory) >= capacity) return -1;
    int descriptor = mkstemp(path);
    if (descriptor < 0) return -1;
    close(descriptor);
    return 0;
}

static char *shim_read_whole_file(const char *path, size_t *length) {
    FILE *file = fopen(path, "rb");
    if (file == NULL) return NULL;
    size_t capacity = 65536, used = 0;
    char *buffer = malloc(capacity + 1);
    while (buffer != NULL) {
        size_t got = fread(buffer + used, 1, capacity - used, file);
        used += got;
        if (used < capacity) break;
        capacity *= 2;
        char *grown = realloc(buffer, capacity + 1);
        if (grown == NULL) {
            free(buffer);
            buffer = NULL;
        } else {
            buffer = grown;
        }
    }
    int failed = ferror(file);
    fclose(file);
    if (buffer == NULL) return NULL;
    if (failed) {
        free(buffer);
        return NULL;
    }
    buffer[used] = '\0';
    *length = used;
    return buffer;
}

/* ---------------------------------------------------------------------------------------------
 * Entry points
 * ------------------------------------------------------------------------------------------- */

void cglpkshim_default_options(cglpkshim_options *options) {
    memset(options, 0, sizeof *options);
    options->mip_gap = 0.0;
    options->branching = CGLPKSHIM_BRANCH_DRIEBECK_TOMLIN;
    options->backtracking = CGLPKSHIM_BACKTRACK_BEST_LOCAL_BOUND;
    options->message_level = CGLPKSHIM_MSG_OFF;
    options->progress_interval_seconds = 0.2;
}

int cglpkshim_solve(const cglpkshim_model *model, const cglpkshim_options *options,
                    cglpkshim_result *result, double *column_values, double *row_duals,
                    double *reduced_costs) {
    shim_reset_result(result);
    if (!shim_claim_guard(result->message, sizeof result->message)) return result->termination;
    double started = shim_now();

    if (setjmp(guard.jump) != 0) {
        result->has_solution = 0;
        result->has_duals = 0;
        result->termination = shim_guard_fatal(result->message, sizeof result->message);
        result->seconds = shim_now() - started;
        return result->termination;
    }
    shim_guard_install(options->log, options->log_context, options->memory_limit_mib);

    glp_prob *problem = shim_build(model);
    shim_solve_loaded(problem, options, result, column_values, model->column_count, row_duals,
                      reduced_costs, started);
    glp_delete_prob(problem);

    shim_guard_remove();
    result->seconds = shim_now() - started;
    return result->termination;
}

int cglpkshim_write_model(const cglpkshim_model *model, int format, char **text, size_t *length,
                          char *message, size_t message_capacity) {
    *text = NULL;
    *length = 0;
    shim_set_message(message, message_capacity, "");
    char path[4096];
    if (shim_make_temp_path(path, sizeof path) != 0) {
        if (message != NULL && message_capacity > 0) {
            snprintf(message, message_capacity, "cannot create a temporary file: %s", strerror(errno));
        }
        return CGLPKSHIM_ERROR;
    }
    if (!shim_claim_guard(message, message_capacity)) {
        unlink(path);
        return CGLPKSHIM_ERROR;
    }

    if (setjmp(guard.jump) != 0) {
        int code = shim_guard_fatal(message, message_capacity);
        unlink(path);
        return code == CGLPKSHIM_MEMORY_LIMIT ? CGLPKSHIM_FATAL : code;
    }
    shim_guard_install(NULL, NULL, 0);

    glp_prob *problem = shim_build(model);
    int code = format == CGLPKSHIM_FORMAT_CPLEX_LP ? glp_write_lp(problem, NULL, path)
                                                   : glp_write_mps(problem, GLP_MPS_FILE, NULL, path);
    glp_delete_prob(problem);
    if (code != 0) shim_tail_message(message, message_capacity, 1);
    shim_guard_remove();

    if (code != 0) {
        unlink(path);
        return CGLPKSHIM_ERROR;
    }
    *text = shim_read_whole_file(path, length);
    unlink(path);
    if (*text == NULL) {
        shim_set_message(message, message_capacity, "cannot read back the written model");
        return CGLPKSHIM_ERROR;
    }
    return 0;
}

int cglpkshim_solve_mps_text(const char *text, size_t length, int sense,
                             const cglpkshim_options *options, cglpkshim_result *result,
                             double *column_values, int value_capacity, int *column_count) {
    shim_reset_result(result);
    *column_count = 0;
    char path[4096];
    if (shim_make_temp_path(path, sizeof path) != 0) {
        snprintf(result->message, sizeof result->message, "cannot create a temporary file: %s",
                 strerror(errno));
        return result->termination;
    }
    FILE *file = fopen(path, "wb");
    int written = file != NULL && fwrite(text, 1, length, file) == length;
    if (file != NULL && fclose(file) != 0) written = 0;
    if (!written) {
        unlink(path);
        shim_set_message(result->message, sizeof result->message, "cannot write the MPS text");
        return result->termination;
    }
    if (!shim_claim_guard(result->message, sizeof result->message)) {
        unlink(path);
        return result->termination;
    }
    double started = shim_now();

    if (setjmp(guard.jump) != 0) {
        result->has_solution = 0;
        result->termination = shim_guard_fatal(result->message, sizeof result->message);
        unlink(path);
        return result->termination;
    }
    shim_guard_install(options->log, options->log_context, options->memory_limit_mib);

    glp_prob *problem = glp_create_prob();
    if (glp_read_mps(problem, GLP_MPS_FILE, NULL, path) != 0) {
        result->termination = CGLPKSHIM_ERROR;
        shim_tail_message(result->message, sizeof result->message, 1);
    } else {
        *column_count = glp_get_num_cols(problem);
        glp_set_obj_dir(problem, sense == CGLPKSHIM_MAXIMIZE ? GLP_MAX : GLP_MIN);
        shim_solve_loaded(problem, options, result, column_values, value_capacity, NULL, NULL, started);
    }
    glp_delete_prob(problem);

    shim_guard_remove();
    unlink(path);
    result->seconds = shim_now() - started;
    return result->termination;
}

int cglpkshim_provoke_fatal_error(char *message, size_t message_capacity) {
    if (!shim_claim_guard(message, message_capacity)) return CGLPKSHIM_ERROR;
    if (setjmp(guard.jump) != 0) {
        return shim_guard_fatal(message, message_capacity);
    }
    shim_guard_install(NULL, NULL, 0);
    glp_prob *problem = glp_create_prob();
    glp_add_cols(problem, 1);
    glp_set_obj_coef(problem, 5, 1.0); /* column 5 of 1: GLPK's error hook fires here */
    glp_delete_prob(problem);
    shim_guard_remove();
    shim_set_message(message, message_capacity, "GLPK accepted an out-of-range column");
    return 0;
}

const char *cglpkshim_version(void) {
    return glp_version();
}

void cglpkshim_free(void *pointer) {
    free(pointer);
}
