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
