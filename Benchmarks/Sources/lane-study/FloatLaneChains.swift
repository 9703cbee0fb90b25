// Float-lane candidates for the float32 SoftMarginLoss chain, `log1p(exp(-x·y))`, kept to
// measure what giving up the kernel's per-op `Double` evaluation would buy. None of them is
// used by Parity: they exist so that the figures in Benchmarks/README.md can be reproduced.
//
// Each runs in stages over 256-element blocks, like the kernel (a whole chain per vector is
// a dependency chain longer than the out-of-order window hides), and handles any count that
// is a multiple of 8.

import ParityMath

typealias F8 = SIMD8<Float>
typealias I8 = SIMD8<Int32>

@inline(__always) func bits(_ v: F8) -> I8 { unsafeBitCast(v, to: I8.self) }
@inline(__always) func float(_ v: I8) -> F8 { unsafeBitCast(v, to: F8.self) }
@inline(__always) func select(_ mask: SIMDMask<I8>, _ a: F8, _ b: F8) -> F8 { b.replacing(with: a, where: mask) }
@inline(__always) func load(_ p: UnsafePointer<Float>) -> F8 { UnsafeRawPointer(p).loadUnaligned(as: F8.self) }
@inline(__always) func store(_ v: F8, _ p: UnsafeMutablePointer<Float>) { UnsafeMutableRawPointer(p).storeBytes(of: v, as: F8.self) }

/// `-x·y` in `Float`, as PyTorch's first two ops compute it (the sign flip keeps -0).
@inline(__always) func negatedProduct(_ x: F8, _ y: F8) -> F8 { float(bits(x) ^ I8(repeating: Int32.min)) * y }

let block = 256

/// Runs `body` over `count` elements a block at a time, with two stack buffers of `block`
/// floats and two of `block / 8` values of `A` and `B` for the stages to hand on.
@inline(__always) func forEachBlock<A, B>(
  _ count: Int, _: A.Type, _: B.Type,
  _ body: (Int, Int, UnsafeMutablePointer<Float>, UnsafeMutablePointer<A>, UnsafeMutablePointer<B>) -> Void
) {
  withUnsafeTemporaryAllocation(of: Float.self, capacity: block) { scratch in
    withUnsafeTemporaryAllocation(of: A.self, capacity: block / 8) { a in
      withUnsafeTemporaryAllocation(of: B.self, capacity: block / 8) { b in
        var start = 0
        while start < count {
          body(start, min(block, count - start), scratch.baseAddress!, a.baseAddress!, b.baseAddress!)
          start += block
        }
      }
    }
  }
}

// MARK: - Cephes-style expf

/// `exp(t)` with Cody-Waite reduction in two `Float` parts and Cephes's degree-7 polynomial
/// (about 1 ULP), scaled in two steps so that subnormal results round once.
enum CephesExp {
  struct Reduced { var r: F8; var k: I8 }

  @inline(__always) static func reduce(_ t0: F8) -> Reduced {
    var t = select(t0 .> 88.75, F8(repeating: 88.75), t0)
    t = select(t .< -104, F8(repeating: -104), t)
    let shifter = F8(repeating: 0x1.8p23)
    let shifted = shifter.addingProduct(t, F8(repeating: 1.44269504088896341))
    let k = shifted - shifter
    var r = t.addingProduct(k, F8(repeating: -0.693359375))
    r = r.addingProduct(k, F8(repeating: 2.12194440e-4))
    return Reduced(r: r, k: bits(shifted) &- bits(shifter))
  }

  @inline(__always) static func finish(_ reduced: Reduced, _ t0: F8) -> F8 {
    let r = reduced.r
    var q = F8(repeating: 1.9875691500e-4)
    q = F8(repeating: 1.3981999507e-3).addingProduct(q, r)
    q = F8(repeating: 8.3334519073e-3).addingProduct(q, r)
    q = F8(repeating: 4.1665795894e-2).addingProduct(q, r)
    q = F8(repeating: 1.6666665459e-1).addingProduct(q, r)
    q = F8(repeating: 5.0000001201e-1).addingProduct(q, r)
    let p = (1 + r).addingProduct(q, r * r)
    let k1 = reduced.k &>> 1, k2 = reduced.k &- k1
    var y = p * float((k1 &+ 127) &<< 23) * float((k2 &+ 127) &<< 23)
    y = select(t0 .> 88.75, F8(repeating: .infinity), y)
    return select(t0 .!= t0, t0, y)
  }
}

// MARK: - musl-style log1pf

/// `log1p(e)` for `e ≥ 0` as musl's `log1pf` computes it: `1 + e = 2^k·m`, a correction
/// term for the rounding of `1 + e`, `s = f/(2 + f)` and a degree-4 polynomial in `s²`
/// (under 1 ULP). Integer comparisons are made on `Float` copies: `.>=` on `SIMD8<Int32>`
/// compiled to a lane-by-lane loop through memory (15 ns per element).
enum MuslLog1p {
  struct Reduced { var s: F8; var f: F8; var k: F8; var c: F8 }

  @inline(__always) static func reduce(_ e: F8) -> Reduced {
    let u = 1 + e
    var iu = bits(u) &+ (0x3f80_0000 &- 0x3f35_04f3)
    let k = F8(iu &>> 23 &- 0x7f)
    var c = select(k .> 1.5, 1 - (u - e), e - (u - 1)) / u
    c = select(k .> 24.5, F8(), c)
    iu = (iu & 0x007f_ffff) &+ 0x3f35_04f3
    let f = float(iu) - 1
    return Reduced(s: f / (2 + f), f: f, k: k, c: c)
  }

  @inline(__always) static func finish(_ reduced: Reduced, _ e: F8) -> F8 {
    let (s, f, k) = (reduced.s, reduced.f, reduced.k)
    let z = s * s
    let w = z * z
    let t1 = w * F8(repeating: 0xccce13p-25).addingProduct(w, F8(repeating: 0xf89e26p-26))
    let t2 = z * F8(repeating: 0xaaaaaap-24).addingProduct(w, F8(repeating: 0x91e9eep-25))
    let hfsq = 0.5 * f * f
    var y = s * (hfsq + (t2 + t1)) + (k * 9.0580006145e-06 + reduced.c) - hfsq + f + k * 6.9313812256e-01
    y = select(e .< 0x1p-24, e, y)
    return select(.!(e .< .infinity), e, y)
  }
}

// MARK: - The chains

/// Cephes-style `expf`, then musl-style `log1pf`, all in `Float` lanes: four stages.
enum FloatChain {
  static func run(_ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>, _ count: Int) {
    forEachBlock(count, CephesExp.Reduced.self, MuslLog1p.Reduced.self) { start, length, t, expReduced, logReduced in
      var i = 0
      while i < length {
        let v = negatedProduct(load(x + start + i), load(y + start + i))
        store(v, t + i)
        expReduced[i / 8] = CephesExp.reduce(v)
        i += 8
      }
      i = 0
      while i < length { store(CephesExp.finish(expReduced[i / 8], load(t + i)), out + start + i); i += 8 }
      i = 0
      while i < length { logReduced[i / 8] = MuslLog1p.reduce(load(out + start + i)); i += 8 }
      i = 0
      while i < length { store(MuslLog1p.finish(logReduced[i / 8], load(out + start + i)), out + start + i); i += 8 }
    }
  }
}

/// The kernel's `exp` (ParityMath's `expForFloat`, a `Double` evaluation rounded to `Float`,
/// one pass), then musl-style `log1pf` in `Float` lanes (two stages).
enum HybridChain {
  static func run(_ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>, _ count: Int) {
    forEachBlock(count, Float.self, MuslLog1p.Reduced.self) { start, length, _, _, logReduced in
      var i = 0
      while i < length {
        let t = negatedProduct(load(x + start + i), load(y + start + i))
        store(narrowed(VectorMath.expForFloat(widened(t))), out + start + i)
        i += 8
      }
      i = 0
      while i < length { logReduced[i / 8] = MuslLog1p.reduce(load(out + start + i)); i += 8 }
      i = 0
      while i < length { store(MuslLog1p.finish(logReduced[i / 8], load(out + start + i)), out + start + i); i += 8 }
    }
  }
}

/// A short `Float` chain: a degree-5 `exp` and a degree-3 `log1p` with no care for overflow
/// or subnormals, three stages. A floor for what `Float` lanes can cost, not a candidate.
enum ShortChain {
  struct Reduced { var s: F8; var k: F8; var c: F8 }

  static func run(_ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>, _ count: Int) {
    forEachBlock(count, Reduced.self, Float.self) { start, length, _, reduced, _ in
      var i = 0
      while i < length {
        var t = negatedProduct(load(x + start + i), load(y + start + i))
        t = select(t .> 88.7, F8(repeating: 88.7), t)
        t = select(t .< -103, F8(repeating: -103), t)
        let shifter = F8(repeating: 0x1.8p23)
        let shifted = shifter.addingProduct(t, F8(repeating: 0x1.715476p0))
        let k = shifted - shifter
        var r = t.addingProduct(k, F8(repeating: -0x1.62e4p-1))
        r = r.addingProduct(k, F8(repeating: -0x1.7f7d1cp-20))
        var q = F8(repeating: 0x1.6850e4p-10)
        q = F8(repeating: 0x1.123bccp-7).addingProduct(q, r)
        q = F8(repeating: 0x1.555b98p-5).addingProduct(q, r)
        q = F8(repeating: 0x1.55548ep-3).addingProduct(q, r)
        q = F8(repeating: 0x1.fffffep-2).addingProduct(q, r)
        let p = (1 + r).addingProduct(q, r * r)
        store(float(bits(p) &+ ((bits(shifted) &- bits(shifter)) &<< 23)), out + start + i)
        i += 8
      }
      i = 0
      while i < length {
        let e = load(out + start + i)
        let u = 1 + e
        let c = (e - (u - 1)) / u
        var iu = bits(u) &+ (0x3f80_0000 &- 0x3f35_04f3)
        let k = F8(iu &>> 23) - 127
        iu = (iu & 0x007f_ffff) &+ 0x3f35_04f3
        let f = float(iu) - 1
        reduced[i / 8] = Reduced(s: f / (2 + f), k: k, c: c)
        i += 8
      }
      i = 0
      while i < length {
        let e = load(out + start + i)
        let s = reduced[i / 8].s
        let z = s * s
        var g = F8(repeating: 0x1.23d3dcp-3)
        g = F8(repeating: 0x1.999c26p-3).addingProduct(g, z)
        g = F8(repeating: 0x1.555554p-2).addingProduct(g, z)
        let twoS = s + s
        var v = twoS.addingProduct(twoS * z, g) + reduced[i / 8].c
        v = v.addingProduct(reduced[i / 8].k, F8(repeating: 0x1.62e430p-1))
        store(select(e .< 0x1p-24, e, v), out + start + i)
        i += 8
      }
    }
  }
}

// MARK: - Conversions (lane by lane: see ParityMath's VectorMath+Bits.swift for why)

@inline(__always) func widened(_ v: F8) -> SIMD8<Double> {
  SIMD8(Double(v[0]), Double(v[1]), Double(v[2]), Double(v[3]), Double(v[4]), Double(v[5]), Double(v[6]), Double(v[7]))
}

@inline(__always) func narrowed(_ v: SIMD8<Double>) -> F8 {
  F8(Float(v[0]), Float(v[1]), Float(v[2]), Float(v[3]), Float(v[4]), Float(v[5]), Float(v[6]), Float(v[7]))
}
