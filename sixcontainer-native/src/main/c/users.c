/* Resolving USER_NAME and GROUP_NAME (docker's --user and --group-add)
 * against the container's own /etc/passwd and /etc/group, with docker's
 * (runc's) rules. Those files come from the image: untrusted input, read
 * with bounds on their size and line length, and never through a symlink
 * out of the container's root. */
#define _GNU_SOURCE
#include "users.h"
#include "report.h"
#include "rootpath.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <linux/magic.h>
#include <sys/stat.h>
#include <sys/statfs.h>

#define PASSWD_FILE "/etc/passwd"
#define GROUP_FILE "/etc/group"
/* The longest line Go's bufio.Scanner (runc's reader) takes, and a file
 * size no real passwd or group file comes near. */
#define DB_MAX_LINE 65536u
#define DB_MAX_FILE (4u << 20)
#define PW_FIELDS 7 /* name:password:uid:gid:gecos:home:shell */
#define GR_FIELDS 4 /* name:password:gid:member,member,... */

/* Static: 4 MiB has no place on the stack. */
static char db[DB_MAX_FILE + 1];

struct span {
	const char *p;
	size_t n;
};

__attribute__((noreturn, format(printf, 2, 3))) static void user_die(int err, const char *fmt, ...)
{
	char detail[512];
	va_list ap;

	va_start(ap, fmt);
	(void)vsnprintf(detail, sizeof detail, fmt, ap);
	va_end(ap);
	init_die("user", err, detail);
}

/* A decimal id 0..SIXC_MAX_ID; anything else (empty, a sign, spaces) is not. */
static int span_id(const struct span *s, uint32_t *out)
{
	uint64_t v = 0;

	if (s->n == 0 || s->n > 10)
		return -1;
	for (size_t i = 0; i < s->n; i++) {
		if (s->p[i] < '0' || s->p[i] > '9')
			return -1;
		v = v * 10 + (uint64_t)(s->p[i] - '0');
	}
	if (v > SIXC_MAX_ID)
		return -1;
	*out = (uint32_t)v;
	return 0;
}

static struct span span_of(const char *s)
{
	struct span sp = { s, strlen(s) };
	return sp;
}

/* Names the config gives are checked by secconfig.c: all digits means an id. */
static int is_id(const char *s, uint32_t *out)
{
	struct span sp = span_of(s);
	return strspn(s, "0123456789") == sp.n && span_id(&sp, out) == 0;
}

static int span_eq(const struct span *s, const char *name)
{
	size_t n = strlen(name);
	return s->n == n && memcmp(s->p, name, n) == 0;
}

/* Loads path (inside the root) into db and returns its length; *exists is 0
 * when there is no such file. A FIFO or a device must not block or feed the
 * init: regular files only. Nor a file of procfs or sysfs, which a symlink
 * could name: the lookup runs with every capability, and some of their files
 * act when read (/proc/kmsg consumes the host's kernel log). */
static size_t db_load(int root, const char *path, int *exists)
{
	struct stat st;
	struct statfs sfs;
	int fd = open_in_root(root, path, O_RDONLY | O_NONBLOCK | O_NOCTTY);

	*exists = fd >= 0;
	if (fd < 0) {
		if (errno == ENOENT || errno == ENOTDIR)
			return 0;
		user_die(errno, "%s", path);
	}
	if (fstat(fd, &st) < 0)
		user_die(errno, "%s", path);
	if (!S_ISREG(st.st_mode))
		user_die(EINVAL, "%s is not a regular file", path);
	if (fstatfs(fd, &sfs) < 0)
		user_die(errno, "%s", path);
	if (sfs.f_type == PROC_SUPER_MAGIC || sfs.f_type == SYSFS_MAGIC)
		user_die(EINVAL, "%s is a file of procfs or sysfs", path);
	ssize_t n = read_full(fd, db, DB_MAX_FILE + 1);
	int err = errno;
	if (xclose(fd) < 0)
		user_die(errno, "%s", path);
	if (n < 0)
		user_die(err, "%s", path);
	if ((size_t)n > DB_MAX_FILE)
		user_die(EFBIG, "%s is larger than %u bytes", path, DB_MAX_FILE);
	return (size_t)n;
}

typedef void entry_fn(const struct span *f, size_t nf, void *ctx);

/* Calls fn with the ':'-separated fields of each entry that has at least
 * min of them. Blank lines, '#' comments and NIS '+'/'-' lines are skipped,
 * and so is a field past max (fn sees max). */
static void db_each(size_t len, const char *path, size_t min, size_t max, entry_fn *fn, void *ctx)
{
	struct span f[PW_FIELDS];
	unsigned line = 0;

	for (size_t off = 0; off < len;) {
		const char *start = db + off;
		const char *nl = memchr(start, '\n', len - off);
		size_t n = nl != NULL ? (size_t)(nl - start) : len - off;

		line++;
		if (n > DB_MAX_LINE)
			user_die(E2BIG, "%s: line %u is longer than %u bytes", path, line, DB_MAX_LINE);
		off += n + (nl != NULL);
		if (n == 0 || start[0] == '#' || start[0] == '+' || start[0] == '-')
			continue;
		size_t nf = 0;
		for (const char *p = start, *end = start + n; nf < max; nf++) {
			const char *colon = memchr(p, ':', (size_t)(end - p));
			f[nf].p = p;
			f[nf].n = colon != NULL ? (size_t)(colon - p) : (size_t)(end - p);
			if (colon == NULL) {
				nf++;
				break;
			}
			p = colon + 1;
		}
		if (nf >= min)
			fn(f, nf, ctx);
	}
}

static void add_group(struct identity *id, uint32_t gid)
{
	for (size_t i = 0; i < id->ngroups; i++)
		if (id->groups[i] == gid)
			return;
	if (id->ngroups >= SIXC_MAX_GROUPS)
		user_die(E2BIG, "more than %u supplementary groups", SIXC_MAX_GROUPS);
	id->groups[id->ngroups++] = gid;
}

struct pw_query {
	const char *name; /* NULL: look for uid */
	uint32_t uid;
	int found;
	uint32_t found_uid, found_gid;
	char found_name[SIXC_MAX_NAME]; /* "" when unusable as a member name */
};

/* The first well-formed match wins, as with getpwnam(); a malformed entry
 * is skipped, never read as uid 0. */
static void pw_match(const struct span *f, size_t nf, void *ctx)
{
	struct pw_query *q = ctx;
	uint32_t uid, gid;

	(void)nf;
	if (q->found || span_id(&f[2], &uid) < 0 || span_id(&f[3], &gid) < 0)
		return;
	if (q->name != NULL ? !span_eq(&f[0], q->name) : uid != q->uid)
		return;
	q->found = 1;
	q->found_uid = uid;
	q->found_gid = gid;
	if (f[0].n < SIXC_MAX_NAME && memchr(f[0].p, '\0', f[0].n) == NULL) {
		memcpy(q->found_name, f[0].p, f[0].n);
		q->found_name[f[0].n] = '\0';
	}
}

struct gr_query {
	const char *primary; /* a group name for the primary gid, or NULL */
	int primary_found;
	uint32_t primary_gid;
	const char *member; /* add every group listing this user, or NULL */
	const struct security *sec;
	int add_found[SIXC_MAX_GROUPS];
	uint32_t add_gid[SIXC_MAX_GROUPS];
	struct identity *id;
};

static int lists_member(const struct span *members, const char *name)
{
	const char *p = members->p, *end = members->p + members->n;

	while (p < end) {
		const char *comma = memchr(p, ',', (size_t)(end - p));
		struct span m = { p, comma != NULL ? (size_t)(comma - p) : (size_t)(end - p) };
		if (span_eq(&m, name))
			return 1;
		if (comma == NULL)
			break;
		p = comma + 1;
	}
	return 0;
}

static void gr_match(const struct span *f, size_t nf, void *ctx)
{
	struct gr_query *q = ctx;
	uint32_t gid, unused;

	if (span_id(&f[2], &gid) < 0)
		return;
	if (q->primary != NULL && !q->primary_found && span_eq(&f[0], q->primary)) {
		q->primary_found = 1;
		q->primary_gid = gid;
	}
	for (size_t i = 0; i < q->sec->nadd_groups; i++) {
		const char *name = q->sec->add_groups[i];
		if (!q->add_found[i] && !is_id(name, &unused) && span_eq(&f[0], name)) {
			q->add_found[i] = 1;
			q->add_gid[i] = gid;
		}
	}
	if (q->member != NULL && nf == GR_FIELDS && lists_member(&f[3], q->member))
		add_group(q->id, gid);
}

/* USER_NAME: the uid (a number, or a name in /etc/passwd) and, without a
 * group, the primary gid from the user's entry (0 when a numeric uid has
 * none). Fills name with the user's name when /etc/passwd knows it. */
static void resolve_user(int root, const struct security *sec, struct identity *id, char *name)
{
	struct pw_query q = { .name = sec->user_name };
	int exists, uid_given = is_id(sec->user_name, &q.uid);
	uint32_t gid;

	if (uid_given) {
		q.name = NULL;
		id->uid = q.uid;
	}
	if (!uid_given || sec->group_name[0] == '\0') {
		size_t len = db_load(root, PASSWD_FILE, &exists);
		if (exists)
			db_each(len, PASSWD_FILE, 4, PW_FIELDS, pw_match, &q);
		if (!q.found && !uid_given)
			user_die(ENOENT, "no user '%s' in the container's " PASSWD_FILE, sec->user_name);
		if (q.found) {
			id->uid = q.found_uid;
			id->gid = q.found_gid;
			memcpy(name, q.found_name, sizeof q.found_name);
		}
	}
	if (is_id(sec->group_name, &gid))
		id->gid = gid;
}

/* The group of USER_NAME when it is a name; without one, every group whose
 * member list names the user (docker's rule); then GROUP_NAME in order. */
static void resolve_groups(int root, const struct config *cfg, struct identity *id, const char *name)
{
	static struct gr_query q;
	const struct security *sec = &cfg->sec;
	uint32_t unused;
	int need = 0, exists;

	memset(&q, 0, sizeof q);
	q.sec = sec;
	q.id = id;
	if (sec->user_name != NULL && sec->group_name[0] != '\0' && !is_id(sec->group_name, &unused))
		q.primary = sec->group_name;
	if (sec->user_name != NULL && sec->group_name[0] == '\0' && name[0] != '\0')
		q.member = name;
	need = q.primary != NULL || q.member != NULL;
	for (size_t i = 0; i < sec->nadd_groups; i++)
		need |= !is_id(sec->add_groups[i], &unused);
	if (need) {
		size_t len = db_load(root, GROUP_FILE, &exists);
		if (exists)
			db_each(len, GROUP_FILE, 3, GR_FIELDS, gr_match, &q);
	}
	if (q.primary != NULL) {
		if (!q.primary_found)
			user_die(ENOENT, "no group '%s' in the container's " GROUP_FILE, q.primary);
		id->gid = q.primary_gid;
	}
	for (size_t i = 0; i < sec->nadd_groups; i++) {
		uint32_t gid;
		if (is_id(sec->add_groups[i], &gid))
			add_group(id, gid);
		else if (q.add_found[i])
			add_group(id, q.add_gid[i]);
		else
			user_die(ENOENT, "no group '%s' in the container's " GROUP_FILE, sec->add_groups[i]);
	}
}

void users_resolve(const struct config *cfg, struct identity *id)
{
	char name[SIXC_MAX_NAME] = "";

	memset(id, 0, sizeof *id);
	if (!cfg->has_user && cfg->sec.user_name == NULL)
		return;
	id->switch_user = 1;
	for (size_t i = 0; i < cfg->sec.ngroups; i++)
		add_group(id, cfg->sec.groups[i]);
	if (cfg->has_user) {
		id->uid = cfg->uid;
		id->gid = cfg->gid;
	}
	if (cfg->sec.user_name == NULL && cfg->sec.nadd_groups == 0)
		return;
	int root = open("/", O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (root < 0)
		user_die(errno, "/");
	if (cfg->sec.user_name != NULL)
		resolve_user(root, &cfg->sec, id, name);
	resolve_groups(root, cfg, id, name);
	if (xclose(root) < 0)
		user_die(errno, "/");
}
