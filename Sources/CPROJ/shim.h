#ifndef LOCUS_CPROJ_SHIM_H
#define LOCUS_CPROJ_SHIM_H
#include <proj.h>
#endif
