#ifndef PARITY_CPU_H
#define PARITY_CPU_H

/// 1 when this CPU runs code compiled for `-target-cpu haswell` (x86-64 with AVX2, FMA,
/// BMI1/2, F16C, LZCNT and MOVBE), else 0. Always 0 on other architectures.
int parity_cpu_runs_haswell_code(void);

#endif
