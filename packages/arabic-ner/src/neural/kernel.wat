;; The neural scorer's one kernel: a 1-D convolution over a sentence (a dense layer is the case
;; k = 1), 128-bit SIMD over output channels.
;;   y[i][j] = b[j] + Σ_t Σ_c x[i + (t − k/2)·dil][c] · w[t][c][j]       i < n, j < cout
;; Rows of x outside 0..n-1 must be zeros in memory (the caller pads each side by dil·(k/2) rows).
;; mode 0: y = s;  1: y = max(s, 0);  2: y = y + max(s, 0) (a residual block).
;; Sums run in the order t, then c, one f32 rounding per multiply and per add, exactly as the
;; TypeScript fallback computes them, so both give bit-identical scores. cout % 4 == 0.
(module
  (memory (export "memory") 1)
  (func $conv (export "conv")
    (param $x i32) (param $y i32) (param $w i32) (param $b i32)
    (param $n i32) (param $cin i32) (param $cout i32) (param $k i32) (param $dil i32) (param $mode i32)
    (local $i i32) (local $j i32) (local $t i32) (local $c i32)
    (local $row i32) (local $wp i32) (local $xp i32) (local $yp i32) (local $stride i32)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128) (local $xv v128)
    (local.set $stride (i32.shl (local.get $cout) (i32.const 2)))
    (local.set $i (i32.const 0))
    (block $rows_done
      (loop $rows
        (br_if $rows_done (i32.ge_s (local.get $i) (local.get $n)))
        (local.set $j (i32.const 0))
        ;; 16 outputs at a time while they last (each x value is loaded once for four vectors).
        (block $wide_done
          (loop $wide
            (br_if $wide_done (i32.gt_s (i32.add (local.get $j) (i32.const 16)) (local.get $cout)))
            (local.set $a0 (v128.load (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 2)))))
            (local.set $a1 (v128.load offset=16 (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 2)))))
            (local.set $a2 (v128.load offset=32 (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 2)))))
            (local.set $a3 (v128.load offset=48 (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 2)))))
            (local.set $t (i32.const 0))
            (block $taps_done
              (loop $taps
                (br_if $taps_done (i32.ge_s (local.get $t) (local.get $k)))
                ;; x row i + (t − k/2)·dil
                (local.set $row (i32.add (local.get $i)
                  (i32.mul (i32.sub (local.get $t) (i32.shr_s (local.get $k) (i32.const 1))) (local.get $dil))))
                (local.set $xp (i32.add (local.get $x) (i32.shl (i32.mul (local.get $row) (local.get $cin)) (i32.const 2))))
                (local.set $wp (i32.add (local.get $w)
                  (i32.shl (i32.add (i32.mul (i32.mul (local.get $t) (local.get $cin)) (local.get $cout)) (local.get $j)) (i32.const 2))))
                (local.set $c (i32.const 0))
                (block $ch_done
                  (loop $ch
                    (br_if $ch_done (i32.ge_s (local.get $c) (local.get $cin)))
                    (local.set $xv (v128.load32_splat (local.get $xp)))
                    (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (local.get $xv) (v128.load (local.get $wp)))))
                    (local.set $a1 (f32x4.add (local.get $a1) (f32x4.mul (local.get $xv) (v128.load offset=16 (local.get $wp)))))
                    (local.set $a2 (f32x4.add (local.get $a2) (f32x4.mul (local.get $xv) (v128.load offset=32 (local.get $wp)))))
                    (local.set $a3 (f32x4.add (local.get $a3) (f32x4.mul (local.get $xv) (v128.load offset=48 (local.get $wp)))))
                    (local.set $xp (i32.add (local.get $xp) (i32.const 4)))
                    (local.set $wp (i32.add (local.get $wp) (local.get $stride)))
                    (local.set $c (i32.add (local.get $c) (i32.const 1)))
                    (br $ch)))
                (local.set $t (i32.add (local.get $t) (i32.const 1)))
                (br $taps)))
            (local.set $yp (i32.add (local.get $y) (i32.shl (i32.add (i32.mul (local.get $i) (local.get $cout)) (local.get $j)) (i32.const 2))))
            (if (i32.ge_s (local.get $mode) (i32.const 1))
              (then
                (local.set $a0 (f32x4.max (local.get $a0) (v128.const f32x4 0 0 0 0)))
                (local.set $a1 (f32x4.max (local.get $a1) (v128.const f32x4 0 0 0 0)))
                (local.set $a2 (f32x4.max (local.get $a2) (v128.const f32x4 0 0 0 0)))
                (local.set $a3 (f32x4.max (local.get $a3) (v128.const f32x4 0 0 0 0)))))
            (if (i32.eq (local.get $mode) (i32.const 2))
              (then
                (local.set $a0 (f32x4.add (v128.load (local.get $yp)) (local.get $a0)))
                (local.set $a1 (f32x4.add (v128.load offset=16 (local.get $yp)) (local.get $a1)))
                (local.set $a2 (f32x4.add (v128.load offset=32 (local.get $yp)) (local.get $a2)))
                (local.set $a3 (f32x4.add (v128.load offset=48 (local.get $yp)) (local.get $a3)))))
            (v128.store (local.get $yp) (local.get $a0))
            (v128.store offset=16 (local.get $yp) (local.get $a1))
            (v128.store offset=32 (local.get $yp) (local.get $a2))
            (v128.store offset=48 (local.get $yp) (local.get $a3))
            (local.set $j (i32.add (local.get $j) (i32.const 16)))
            (br $wide)))
        ;; The rest, 4 outputs at a time.
        (block $narrow_done
          (loop $narrow
            (br_if $narrow_done (i32.ge_s (local.get $j) (local.get $cout)))
            (local.set $a0 (v128.load (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 2)))))
            (local.set $t (i32.const 0))
            (block $taps4_done
              (loop $taps4
                (br_if $taps4_done (i32.ge_s (local.get $t) (local.get $k)))
                (local.set $row (i32.add (local.get $i)
                  (i32.mul (i32.sub (local.get $t) (i32.shr_s (local.get $k) (i32.const 1))) (local.get $dil))))
                (local.set $xp (i32.add (local.get $x) (i32.shl (i32.mul (local.get $row) (local.get $cin)) (i32.const 2))))
                (local.set $wp (i32.add (local.get $w)
                  (i32.shl (i32.add (i32.mul (i32.mul (local.get $t) (local.get $cin)) (local.get $cout)) (local.get $j)) (i32.const 2))))
                (local.set $c (i32.const 0))
                (block $ch4_done
                  (loop $ch4
                    (br_if $ch4_done (i32.ge_s (local.get $c) (local.get $cin)))
                    (local.set $a0 (f32x4.add (local.get $a0)
                      (f32x4.mul (v128.load32_splat (local.get $xp)) (v128.load (local.get $wp)))))
                    (local.set $xp (i32.add (local.get $xp) (i32.const 4)))
                    (local.set $wp (i32.add (local.get $wp) (local.get $stride)))
                    (local.set $c (i32.add (local.get $c) (i32.const 1)))
                    (br $ch4)))
                (local.set $t (i32.add (local.get $t) (i32.const 1)))
                (br $taps4)))
            (local.set $yp (i32.add (local.get $y) (i32.shl (i32.add (i32.mul (local.get $i) (local.get $cout)) (local.get $j)) (i32.const 2))))
            (if (i32.ge_s (local.get $mode) (i32.const 1))
              (then (local.set $a0 (f32x4.max (local.get $a0) (v128.const f32x4 0 0 0 0)))))
            (if (i32.eq (local.get $mode) (i32.const 2))
              (then (local.set $a0 (f32x4.add (v128.load (local.get $yp)) (local.get $a0)))))
            (v128.store (local.get $yp) (local.get $a0))
            (local.set $j (i32.add (local.get $j) (i32.const 4)))
            (br $narrow)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $rows)))))
