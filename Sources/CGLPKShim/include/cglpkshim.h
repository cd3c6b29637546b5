#ifndef CGLPKSHIM_H
#define CGLPKSHIM_H

/*
 * The little C that Swift cannot do around GLPK: a setjmp guard with GLPK's error hook, the
 * terminal hook, and the branch-and-cut callback. Every GLPK call of one entry point runs inside
 * one setjmp region, so a GLPK fatal error (bad index, duplicate index, memory limit) comes back
 * as CGLPKSHIM_FATAL with GLPK's message instead of aborting the process.
 *
 * This header deliberately does not include <glpk.h>: only plain C types cross into Swift.
 * Every entry point must be called on the same OS thread (GLPK environments are thread-local).
 */

#include <stddef.h>

/* Why a solve ended. The Swift backend maps these to `Termination` in one place. */
enum {
    CGLPKSHIM_OPTIMAL = 0,
    CGLPKSHIM_INFEASIBLE = 1,
    CGLPKSHIM_UNBOUNDED = 2,
    CGLPKSHIM_TIME_LIMIT = 3,
    CGLPKSHIM_STOPPED = 4,
    CGLPKSHIM_MEMORY_LIMIT = 5,
    /* The solver gave up for a numerical or internal reason (message says which). */
    CGLPKSHIM_ERROR = 6,
    /* GLPK called its error hook; the environment was freed; message says why. */
    CGLPKSHIM_FATAL = 7,
    /* The branch-and-bound tree reached `node_limit` nodes (a deterministic budget). */
    CGLPKSHIM_NODE_LIMIT = 8,
};

enum { CGLPKSHIM_MINIMIZE = 0, CGLPKSHIM_MAXIMIZE = 1 };

enum {
    CGLPKSHIM_BRANCH_FIRST_FRACTIONAL = 0,
    CGLPKSHIM_BRANCH_LAST_FRACTIONAL = 1,
    CGLPKSHIM_BRANCH_MOST_FRACTIONAL = 2,
    CGLPKSHIM_BRANCH_DRIEBECK_TOMLIN = 3,
    CGLPKSHIM_BRANCH_PSEUDOCOST = 4,
    /* The shim's own pseudocost branching: a column's unknown pseudocost is the average of the known ones
       in that direction (1 when none is known), never GLPK's strong-branching initialisation; learnt from
       every node whose LP is solved; candidates scored by the product of the two estimated degradations. */
    CGLPKSHIM_BRANCH_PSEUDOCOST_AVERAGED = 5,
};

enum {
    CGLPKSHIM_BACKTRACK_DEPTH_FIRST = 0,
    CGLPKSHIM_BACKTRACK_BREADTH_FIRST = 1,
    CGLPKSHIM_BACKTRACK_BEST_LOCAL_BOUND = 2,
    CGLPKSHIM_BACKTRACK_BEST_PROJECTION = 3,
};

enum {
    CGLPKSHIM_MSG_OFF = 0,
    CGLPKSHIM_MSG_ERRORS = 1,
    CGLPKSHIM_MSG_NORMAL = 2,
    CGLPKSHIM_MSG_ALL = 3,
};

enum { CGLPKSHIM_FORMAT_FREE_MPS = 0, CGLPKSHIM_FORMAT_CPLEX_LP = 1 };

/* One complete line of solver output, without its newline. */
typedef void (*cglpkshim_log_fn)(void *context, const char *line);

typedef struct {
    int has_incumbent;
    double incumbent;
    int has_bound;
    double bound;
    long long nodes;
    double elapsed_seconds;
} cglpkshim_progress;

/* Return non-zero to stop the search (the incumbent is kept). */
typedef int (*cglpkshim_progress_fn)(void *context, const cglpkshim_progress *progress);

/*
 * Cuts of the caller's own (a separator in Swift). At each cut-generation call of the branch-and-cut
 * search the shim hands the node's LP column values to `separate`, which appends the cuts it finds
 * with cglpkshim_cuts_add; the shim then checks them and passes them to glp_ios_add_row. Only used
 * without GLPK's presolver: with it, the tree's columns are the presolved problem's, not the model's.
 */
typedef struct cglpkshim_cuts cglpkshim_cuts;

/*
 * Appends `Σ coefficients[k]·x[columns[k]] >= rhs` (is_lower != 0) or `<= rhs` to `cuts`. Columns are
 * 0-based and distinct. Plain C, no GLPK call: safe to call from the separator. Returns 0, or -1 when
 * memory runs out (the cut is then dropped).
 */
int cglpkshim_cuts_add(cglpkshim_cuts *cuts, int length, const int *columns, const double *coefficients,
                       int is_lower, double rhs);

/* `values` holds the node's column_count LP values; `level` is the node's depth (0: the root) and
   `round` how often cuts were asked for at this node before. */
typedef void (*cglpkshim_separate_fn)(void *context, const double *values, int column_count, int level,
                                      int round, cglpkshim_cuts *cuts);

/*
 * A model as flat arrays. Missing bounds are -HUGE_VAL / +HUGE_VAL. The matrix is row-wise
 * (CSR) with 0-based column indices; no column may repeat within a row (GLPK treats that as
 * fatal). Names are `count` NUL-terminated strings back to back, each unique and at most
 * 255 bytes; a NULL name buffer leaves rows/columns unnamed.
 */
typedef struct {
    const char *name;
    int sense;
    double objective_constant;

    int column_count;
    const double *objective;      /* column_count */
    const double *column_lower;   /* column_count */
    const double *column_upper;   /* column_count */
    const int *column_is_integer; /* column_count; 0 continuous, 1 integer */
    const char *column_names;

    int row_count;
    const double *row_lower;      /* row_count */
    const double *row_upper;      /* row_count */
    const char *row_names;
    const int *row_starts;        /* row_count + 1 */
    const int *column_indices;    /* row_starts[row_count] entries, 0-based */
    const double *coefficients;   /* row_starts[row_count] entries */
} cglpkshim_model;

typedef struct {
    int time_limit_ms;       /* <= 0 or INT_MAX: none */
    double mip_gap;
    int presolve;
    int gomory_cuts;
    int mir_cuts;
    int cover_cuts;
    int clique_cuts;
    int branching;           /* CGLPKSHIM_BRANCH_* */
    int backtracking;        /* CGLPKSHIM_BACKTRACK_* */
    int feasibility_pump;
    int message_level;       /* CGLPKSHIM_MSG_* */
    int relax_integrality;
    int memory_limit_mib;    /* <= 0: none */
    int integral_objective;  /* stop when the rounded bound meets the incumbent */
    double progress_interval_seconds;
    long long node_limit;    /* <= 0: none; stops the search deterministically */
    /* With CGLPKSHIM_BRANCH_PSEUDOCOST and more than 1: GLPK's pseudocost rule (same choices, same plan) with
       its strong-branching LPs shared out over this many threads when a node has many to measure. */
    int strong_branching_threads;
    /* A plan known to fit (column_count values, 0-based), offered as the first incumbent (glp_ios_heur_sol) at
       the search's first heuristic call. Without presolve only; checked against the rows and bounds first
       (GLPK does not check it); NULL: none. */
    const double *start_values;
    int start_value_count;

    cglpkshim_log_fn log;    /* NULL silences GLPK's output */
    void *log_context;
    cglpkshim_progress_fn progress;  /* NULL: no progress reports */
    void *progress_context;
    cglpkshim_separate_fn separate;  /* NULL: no cuts of the caller's; ignored with presolve */
    void *separate_context;
} cglpkshim_options;

typedef struct {
    int termination;         /* CGLPKSHIM_* */
    int has_solution;
    double objective;
    int has_bound;
    double best_bound;
    int has_duals;
    long long nodes;
    double seconds;
    int glpk_return_code;    /* what glp_simplex / glp_intopt returned, for messages */
    long long cuts_added;    /* the separator's cuts passed to glp_ios_add_row */
    long long cuts_rejected; /* the separator's cuts dropped (column out of range or repeated, not finite) */
    char message[1024];      /* set for CGLPKSHIM_ERROR, CGLPKSHIM_FATAL, CGLPKSHIM_MEMORY_LIMIT */
} cglpkshim_result;

/* Fills options with GLPK 5.0's own defaults (no presolve, no cuts), silent, no limits. */
void cglpkshim_default_options(cglpkshim_options *options);

/*
 * Builds the model, solves it (simplex for an LP or with relax_integrality, else branch-and-cut)
 * and reads the results. `column_values` and `reduced_costs` hold column_count doubles,
 * `row_duals` row_count doubles; any may be NULL. Duals are written only for LP solves.
 * Returns result->termination.
 */
int cglpkshim_solve(const cglpkshim_model *model, const cglpkshim_options *options,
                    cglpkshim_result *result, double *column_values, double *row_duals,
                    double *reduced_costs);

/*
 * Builds the model and writes it as free MPS or CPLEX LP into a temporary file, then reads it
 * back. On success returns 0 and stores a malloc'd NUL-terminated text in *text (free it with
 * cglpkshim_free) and its length in *length. Otherwise returns CGLPKSHIM_FATAL or
 * CGLPKSHIM_ERROR with a message.
 */
int cglpkshim_write_model(const cglpkshim_model *model, int format, char **text, size_t *length,
                          char *message, size_t message_capacity);

/*
 * Reads a free MPS text with GLPK and solves it, for round-trip tests. GLPK's MPS reader knows
 * no OBJSENSE section, so the sense is passed apart: `sense` is CGLPKSHIM_MINIMIZE or
 * CGLPKSHIM_MAXIMIZE. `column_values` may hold up to `value_capacity` doubles; *column_count
 * receives the number of columns read.
 */
int cglpkshim_solve_mps_text(const char *text, size_t length, int sense,
                             const cglpkshim_options *options, cglpkshim_result *result,
                             double *column_values, int value_capacity, int *column_count);

/*
 * Deliberately calls glp_set_obj_coef with a column index out of range inside the guard, so a
 * test can show that the process survives a GLPK fatal error. Returns CGLPKSHIM_FATAL.
 */
int cglpkshim_provoke_fatal_error(char *message, size_t message_capacity);

/* GLPK's glp_version(). Call it on the GLPK thread. */
const char *cglpkshim_version(void);

void cglpkshim_free(void *pointer);

#endif
