/* The confinement records of the launch config (tags 20-27,
 * docs/protocol.md "Confinement"): parsing and checking them into
 * cfg->sec for protocol.c. */
#ifndef SIXC_SECCONFIG_H
#define SIXC_SECCONFIG_H

#include "protocol.h"

/* Parses a confinement record (tags 20-27) into cfg->sec. 0 or -1. */
int secconfig_take(uint16_t tag, unsigned char *p, size_t len, struct config *cfg);

/* The rules between records once all are read (USER and USER_NAME
 * exclusive, groups only with a user). 0 or -1. */
int secconfig_check(const struct config *cfg);

#endif
