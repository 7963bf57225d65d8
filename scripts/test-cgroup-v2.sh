#!/usr/bin/env bash
# Runs the cgroup tests (limits, orphans, device access) on a real cgroup v2 kernel: a qemu VM booted by
# vm-run (see its header; needs qemu-system-x86, linux-image-amd64, busybox-static) with the
# host's tree shared over 9p. The build happens here; inside the VM only the JUnit console
# launcher runs, on one focused test class, because code there runs 10-40x slower.
#
#   usage: scripts/test-cgroup-v2.sh [test-class ...]
#          (default: io.sixcontainer.ResourceLimitsTest io.sixcontainer.JvmDeathTest
#           io.sixcontainer.DeviceAccessTest io.sixcontainer.internal.cgroup.DeviceAccessMechanismTest)
#   env:   VM_RUN (default: ../shared/tools/vm-run beside the repository, or vm-run on PATH)
#          JAVA   (default: the JDK 25 of the Maven toolchains, under /usr/lib/jvm)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

vm_run=${VM_RUN:-}
for candidate in "$repo/../shared/tools/vm-run" /work/shared/tools/vm-run "$(command -v vm-run || true)"; do
  if [ -z "$vm_run" ] && [ -n "$candidate" ] && [ -x "$candidate" ]; then vm_run=$candidate; fi
done
[ -n "$vm_run" ] || { echo "test-cgroup-v2: vm-run not found (set VM_RUN)" >&2; exit 2; }
java=${JAVA:-$(ls -d /usr/lib/jvm/*-25-*/bin/java 2>/dev/null | head -1)}
[ -x "$java" ] || { echo "test-cgroup-v2: no JDK 25 found (set JAVA)" >&2; exit 2; }

classes=("$@")
[ ${#classes[@]} -gt 0 ] || classes=(io.sixcontainer.ResourceLimitsTest io.sixcontainer.JvmDeathTest
  io.sixcontainer.DeviceAccessTest io.sixcontainer.internal.cgroup.DeviceAccessMechanismTest)

out=sixcontainer-core/target/cgroup-v2
mkdir -p "$out"
junit=$(sed -n 's|.*<junit.version>5\.\(.*\)</junit.version>.*|1.\1|p' pom.xml)
# One reactor run (-am) for both goals: the native module's jar then resolves from the reactor;
# alone, -pl sixcontainer-core looks for it in ~/.m2, where `verify` never put it on a clean machine.
# The core module builds last, so the class path file is its own.
./mvnw -B -q package dependency:build-classpath -DskipTests -pl sixcontainer-core -am \
  -Dmdep.includeScope=test -Dmdep.outputFile="$repo/$out/classpath.txt"
./mvnw -B -q dependency:copy -Dartifact="org.junit.platform:junit-platform-console-standalone:$junit" \
  -DoutputDirectory="$repo/$out" -Dmdep.stripVersion=true

# One class path for the JVM itself (java.class.path), so that tests which start a child JVM
# (JvmDeathTest) hand it everything.
# dependency:build-classpath names the native module's jar in ~/.m2, which other checkouts
# install over: use the one just built here instead.
native_jar=$(ls "$repo"/sixcontainer-native/target/sixcontainer-native-*.jar | grep -v -e '-sources' -e '-javadoc' | head -1)
deps=$(tr ':' '\n' < "$out/classpath.txt" | sed "s|^.*/io/sixcontainer/sixcontainer-native/.*\.jar\$|$native_jar|" | paste -sd:)
cp="$repo/sixcontainer-core/target/test-classes:$repo/sixcontainer-core/target/classes:$deps"
cp="$cp:$repo/$out/junit-platform-console-standalone.jar"
selectors=()
for c in "${classes[@]}"; do selectors+=(--select-class "$c"); done

# The runtime roots live on the guest's /run (a tmpfs; 9p cannot hold an overlayfs upper dir).
# /tmp itself stays the host's: the repository may be checked out under it.
# Without KVM the guest runs on QEMU's emulated CPU ("-cpu max"); its AVX emulation has crashed
# the JVM's compiled code (SIGSEGV, si_code SI_KERNEL, at compiled-method entries), so the guest
# JVM keeps to SSE there. Nothing under test depends on the JVM's vector instructions.
guest_jvm_flags=""
[ -w /dev/kvm ] && grep -qwE 'vmx|svm' /proc/cpuinfo || guest_jvm_flags="-XX:UseAVX=0"

start=$(date +%s)
run_in_vm() {
  VM_MEM="${VM_MEM:-3072}" VM_TIMEOUT="${VM_TIMEOUT:-900}" "$vm_run" "
  set -e
  grep -q ' /sys/fs/cgroup cgroup2 ' /proc/mounts || { echo 'not a cgroup v2 guest' >&2; exit 3; }
  echo \"guest: \$(uname -r), \$(grep -c ^processor /proc/cpuinfo) cpus, cgroup2 at /sys/fs/cgroup: \$(cat /sys/fs/cgroup/cgroup.controllers)\"
  cd '$repo'
  mkdir -p /run/sixc-tmp
  '$java' --enable-native-access=ALL-UNNAMED -Xmx512m $guest_jvm_flags -Djava.io.tmpdir=/run/sixc-tmp -cp '$cp' \
    org.junit.platform.console.ConsoleLauncher execute \
    ${selectors[*]} --details=tree --disable-banner --fail-if-no-tests
"
}
# Under software emulation (TCG, no KVM) the guest JVM has crashed in its own JIT code once
# (SIGSEGV in a java.base method, tests green on the rerun): one retry for that case only.
log=$(mktemp)
set +e
run_in_vm 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
if [ "$rc" -ne 0 ] && grep -q 'A fatal error has been detected by the Java Runtime Environment' "$log"; then
  echo "test-cgroup-v2: the guest JVM crashed (not a test failure); running once more" >&2
  run_in_vm
  rc=$?
fi
set -e
rm -f "$log"
[ "$rc" -eq 0 ] || exit "$rc"
echo "test-cgroup-v2: $(( $(date +%s) - start )) s in the VM"
