/* The confinement records of the launch config (tags 20-27,
 * docs/protocol.md "Confinement"), validated as untrusted input. */
#define _GNU_SOURCE
#include "secconfig.h"
#include "util.h"

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

/* A user or group as docker's --user takes it: a name or a decimal id. An
 * all-digit string is an id, and ids stop at 2^31-1, as in runc. */
static int check_name(const char *s, const char *what, int may_be_empty)
{
	size_t len = strlen(s);
	uint64_t id;

	if (len == 0 && !may_be_empty)
		return config_invalid("%s: empty name", what);
	if (len >= SIXC_MAX_NAME)
		return config_invalid("%s: name of %u bytes or more", what, SIXC_MAX_NAME);
	/* ':' separates the fields of /etc/passwd and /etc/group; a name with
	 * one, or with a newline, could never match a line. */
	if (strpbrk(s, ":\n") != NULL)
		return config_invalid("%s: name contains ':' or a newline", what);
	if (len > 0 && strspn(s, "0123456789") == len &&
	    (parse_u64_dec(s, &id) < 0 || id > SIXC_MAX_ID))
		return config_invalid("%s: id %s above %u", what, s, SIXC_MAX_ID);
	return 0;
}

static int take_user_name(unsigned char *p, size_t len, struct security *sec)
{
	char *f[2];

	if (sec->user_name != NULL)
		return config_invalid("USER_NAME: more than one");
	if (config_strings(p, len, "USER_NAME", f, 2) < 0)
		return -1;
	if (check_name(f[0], "USER_NAME user", 0) < 0 || check_name(f[1], "USER_NAME group", 1) < 0)
		return -1;
	sec->user_name = f[0];
	sec->group_name = f[1];
	return 0;
}

static int take_group_name(unsigned char *p, size_t len, struct security *sec)
{
	char *f[1];

	if (sec->nadd_groups >= SIXC_MAX_GROUPS)
		return config_invalid("GROUP_NAME: more than %u", SIXC_MAX_GROUPS);
	if (config_strings(p, len, "GROUP_NAME", f, 1) < 0 || check_name(f[0], "GROUP_NAME", 0) < 0)
		return -1;
	sec->add_groups[sec->nadd_groups++] = f[0];
	return 0;
}

int secconfig_check(const struct config *cfg)
{
	const struct security *sec = &cfg->sec;

	if (cfg->has_user && sec->user_name != NULL)
		return config_invalid("USER and USER_NAME together");
	if ((sec->has_groups || sec->nadd_groups > 0) && !cfg->has_user && sec->user_name == NULL)
		return config_invalid("GROUPS or GROUP_NAME without USER or USER_NAME");
	return 0;
}

int secconfig_take(uint16_t tag, unsigned char *p, size_t len, struct config *cfg)
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
	case TAG_USER_NAME:
		return take_user_name(p, len, sec);
	case TAG_GROUP_NAME:
		return take_group_name(p, len, sec);
	default:
		return config_invalid("unknown tag %u", tag);
	}
}
