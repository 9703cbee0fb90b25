#if defined(__linux__)
#define _GNU_SOURCE
#include <sched.h>
#endif
#include "CParityCPU.h"

// Swift has no per-function target attributes and no cpuid, so the one question the
// kernels' dispatch needs answered is asked here, in C.
int parity_cpu_runs_haswell_code(void) {
#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx") && __builtin_cpu_supports("avx2")
      && __builtin_cpu_supports("fma") && __builtin_cpu_supports("bmi")
      && __builtin_cpu_supports("bmi2") && __builtin_cpu_supports("f16c")
      && __builtin_cpu_supports("movbe") && __builtin_cpu_supports("popcnt")
      && __builtin_cpu_supports("lzcnt");
#else
  return 0;
#endif
}

// The affinity mask, for the kernels' helper threads: Foundation's processor counts ignore
// it (a process under `taskset -c 0` on two cores sees 2).
int parity_cpu_usable_cores(void) {
#if defined(__linux__)
  cpu_set_t mask;
  CPU_ZERO(&mask);
  if (sched_getaffinity(0, sizeof mask, &mask) == 0) {
    int cores = CPU_COUNT(&mask);
    if (cores > 0) return cores;
  }
#endif
  return 0;
}
