#include "cglpkshim.h"
#include <glpk.h>
int cglpkshim_version_major(void) { return GLP_MAJOR_VERSION; }
