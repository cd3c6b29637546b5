#ifndef CGLPKSHIM_H
#define CGLPKSHIM_H
/* placeholder; helper fills */
int cglpkshim_version_major(void);
#endif
