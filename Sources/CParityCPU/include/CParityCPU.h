#ifndef PARITY_CPU_H
#define PARITY_CPU_H

/// 1 when this CPU runs code compiled for `-target-cpu haswell` (x86-64 with AVX2, FMA,
/// BMI1/2, F16C, LZCNT and MOVBE), else 0. Always 0 on other architectures.
int parity_cpu_runs_haswell_code(void);

/// The cores the calling thread may run on (its affinity mask), or 0 where the system has
/// no such mask or does not say.
int parity_cpu_usable_cores(void);

#endif
