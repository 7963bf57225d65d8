/* The confinement records of the launch config (tags 20-25,
 * docs/protocol.md "Confinement"), validated as untrusted input. */
#define _GNU_SOURCE
#include "protocol.h"

#include <string.h>

#define CAPS_LEN 32u
#define RLIMIT_LEN 24u

static int take_caps(const unsigned char *p, size_t len, struct security *sec)
{
	if (sec->has_caps)
		return config_invalid("CAPS: more than one");
	if (len != CAPS_LEN)
		return config_invalid("CAPS: length %zu, expected %u", len, CAPS_LEN);
	sec->cap_bounding = config_le64(p);
	sec->cap_permitted = config_le64(p + 8);
	sec->cap_effective = config_le64(p + 16);
	sec->cap_inheritable = config_le64(p + 24);
	/* capset(2) refuses anything else; say so before anything runs. */
	if ((sec->cap_effective & ~sec->cap_permitted) != 0)
		return config_invalid("CAPS: effective set not within permitted");
	if ((sec->cap_permitted & ~sec->cap_bounding) != 0)
		return config_invalid("CAPS: permitted set not within bounding");
	if ((sec->cap_inheritable & ~sec->cap_bounding) != 0)
		return config_invalid("CAPS: inheritable set not within bounding");
	sec->has_caps = 1;
	return 0;
}

static int take_seccomp(const unsigned char *p, size_t len, struct security *sec)
{
	if (sec->seccomp != NULL)
		return config_invalid("SECCOMP: more than one");
	if (len == 0 || len % SIXC_SOCK_FILTER_LEN != 0)
		return config_invalid("SECCOMP: length %zu is not a positive multiple of %u", len,
				      SIXC_SOCK_FILTER_LEN);
	if (len / SIXC_SOCK_FILTER_LEN > SIXC_MAX_SECCOMP_INSNS)
		return config_invalid("SECCOMP: more than %u instructions", SIXC_MAX_SECCOMP_INSNS);
	sec->seccomp = p;
	sec->seccomp_insns = len / SIXC_SOCK_FILTER_LEN;
	return 0;
}

static int take_rlimit(const unsigned char *p, size_t len, struct security *sec)
{
	if (len != RLIMIT_LEN)
		return config_invalid("RLIMIT: length %zu, expected %u", len, RLIMIT_LEN);
	struct rlimit_rec r = {
		.resource = config_le32(p),
		.soft = config_le64(p + 8),
		.hard = config_le64(p + 16),
	};
	if (r.resource >= SIXC_MAX_RLIMITS)
		return config_invalid("RLIMIT: unknown resource %u", r.resource);
	if (config_le32(p + 4) != 0)
		return config_invalid("RLIMIT: reserved field is not 0");
	/* RLIM_INFINITY is all ones: the unsigned order is the kernel's. */
	if (r.soft > r.hard)
		return config_invalid("RLIMIT: soft limit above hard limit (resource %u)",
				      r.resource);
	for (size_t i = 0; i < sec->nrlimits; i++) {
		if (sec->rlimits[i].resource == r.resource)
			return config_invalid("RLIMIT: resource %u twice", r.resource);
	}
	/* Distinct resources below SIXC_MAX_RLIMITS: the array cannot overflow. */
	sec->rlimits[sec->nrlimits++] = r;
	return 0;
}

static int take_oom_score_adj(const unsigned char *p, size_t len, struct security *sec)
{
	if (sec->has_oom_score_adj)
		return config_invalid("OOM_SCORE_ADJ: more than one");
	if (len != 4)
		return config_invalid("OOM_SCORE_ADJ: length %zu, expected 4", len);
	int32_t v = (int32_t)config_le32(p);
	if (v < -1000 || v > 1000)
		return config_invalid("OOM_SCORE_ADJ: %d not in -1000..1000", v);
	sec->oom_score_adj = v;
	sec->has_oom_score_adj = 1;
	return 0;
}

static int take_groups(const unsigned char *p, size_t len, struct security *sec)
{
	if (sec->has_groups)
		return config_invalid("GROUPS: more than one");
	if (len % 4 != 0 || len / 4 > SIXC_MAX_GROUPS)
		return config_invalid("GROUPS: length %zu is not 4 x 0..%u", len, SIXC_MAX_GROUPS);
	sec->ngroups = len / 4;
	for (size_t i = 0; i < sec->ngroups; i++) {
		sec->groups[i] = config_le32(p + 4 * i);
		if (sec->groups[i] == UINT32_MAX)
			return config_invalid("GROUPS: gid 4294967295");
	}
	sec->has_groups = 1;
	return 0;
}

int secconfig_take(uint16_t tag, const unsigned char *p, size_t len, struct config *cfg)
{
	struct security *sec = &cfg->sec;

	switch (tag) {
	case TAG_CAPS:
		return take_caps(p, len, sec);
	case TAG_NO_NEW_PRIVS:
		if (sec->no_new_privs)
			return config_invalid("NO_NEW_PRIVS: more than one");
		if (len != 0)
			return config_invalid("NO_NEW_PRIVS: length %zu, expected 0", len);
		sec->no_new_privs = 1;
		return 0;
	case TAG_SECCOMP:
		return take_seccomp(p, len, sec);
	case TAG_RLIMIT:
		return take_rlimit(p, len, sec);
	case TAG_OOM_SCORE_ADJ:
		return take_oom_score_adj(p, len, sec);
	case TAG_GROUPS:
		return take_groups(p, len, sec);
	default:
		return config_invalid("unknown tag %u", tag);
	}
}
