;; Tabulation kernels over Int8-stored survey codes, for data mirrored into one shared linear memory.
;;
;; Why WebAssembly: the JavaScript loops pay bounds checks and reload typed-array fields on every
;; access when the arrays are parameters (about 2.2× slower than the same loop on constants); here a
;; row is three byte/double loads and one 16-byte add per cell. The memory is shared so that two
;; threads can each take half the rows with the same kernel (electron/engine/second-thread.ts).
;;
;; Conventions (byte offsets into the memory; -1 = absent):
;;   codes   u8 per row (Int8 codes read as bytes: value v is byte v & 255)
;;   weight  f64 per row; a row counts only when w > 0 (NaN, 0 and negatives are excluded and counted)
;;   filter  u8 per row; 0 = row left out
;;   acc     per cell 32 bytes: [count f64][Σw f64][Σw² f64][unused]; Σw and Σw² are added as one
;;           16-byte vector, written out at each site (a call per row is not inlined by every engine)
;; Rebuild the embedded bytes after editing: `node scripts/build-wasm.mjs`.
(module
  (import "env" "mem" (memory 1 65536 shared))

  ;; Pair table: cell = (a byte << 8 | b byte), acc holds 65,536 cells. Unweighted rows add 1 to the
  ;; count only (the caller copies counts into Σw and Σw²). Returns the rows excluded by their weight.
  (func (export "pairs")
    (param $pa i32) (param $pb i32) (param $pw i32) (param $pf i32) (param $n i32) (param $acc i32)
    (result i32)
    (local $i i32) (local $wi f64) (local $j i32) (local $ex i32)
    (if (i32.lt_s (local.get $pw) (i32.const 0))
      (then
        (block $done
          (loop $top
            (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
            (block $skip
              (if (i32.ge_s (local.get $pf) (i32.const 0))
                (then (br_if $skip (i32.eqz (i32.load8_u (i32.add (local.get $pf) (local.get $i)))))))
              (local.set $j (i32.add (local.get $acc) (i32.shl
                (i32.or (i32.shl (i32.load8_u (i32.add (local.get $pa) (local.get $i))) (i32.const 8))
                        (i32.load8_u (i32.add (local.get $pb) (local.get $i))))
                (i32.const 5))))
              (f64.store (local.get $j) (f64.add (f64.load (local.get $j)) (f64.const 1))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $top)))
        (return (i32.const 0))))
    ;; Without a filter the row loop has no filter test at all (about a quarter faster).
    (if (result i32) (i32.lt_s (local.get $pf) (i32.const 0))
      (then (call $pairsWeighted (local.get $pa) (local.get $pb) (local.get $pw) (local.get $n) (local.get $acc)))
      (else (call $pairsWeightedFiltered (local.get $pa) (local.get $pb) (local.get $pw) (local.get $pf) (local.get $n) (local.get $acc)))))

  ;; The hot case (weights, no filter): four rows per step, their codes read as one 32-bit word each
  ;; (about a sixth faster than byte by byte); the last n mod 4 rows go through the plain loop.
  (func $pairsWeighted
    (param $pa i32) (param $pb i32) (param $pw i32) (param $n i32) (param $acc i32)
    (result i32)
    (local $i i32) (local $wi f64) (local $j i32) (local $ex i32) (local $qa i32) (local $qb i32) (local $n4 i32)
    (local.set $n4 (i32.and (local.get $n) (i32.const -4)))
    (block $done4
      (loop $top4
        (br_if $done4 (i32.ge_u (local.get $i) (local.get $n4)))
        (local.set $qa (i32.load align=1 (i32.add (local.get $pa) (local.get $i))))
        (local.set $qb (i32.load align=1 (i32.add (local.get $pb) (local.get $i))))
        (local.set $wi (f64.load offset=0 (i32.add (local.get $pw) (i32.shl (local.get $i) (i32.const 3)))))
        (if (f64.gt (local.get $wi) (f64.const 0))
          (then
            (local.set $j (i32.add (local.get $acc)
              (i32.shl (i32.or (i32.shl (i32.and (local.get $qa) (i32.const 255)) (i32.const 8)) (i32.and (local.get $qb) (i32.const 255))) (i32.const 5))))
            (f64.store (local.get $j) (f64.add (f64.load (local.get $j)) (f64.const 1)))
            (v128.store offset=8 (local.get $j)
              (f64x2.add (v128.load offset=8 (local.get $j))
                (f64x2.replace_lane 1 (f64x2.splat (local.get $wi)) (f64.mul (local.get $wi) (local.get $wi))))))
          (else (local.set $ex (i32.add (local.get $ex) (i32.const 1)))))
        (local.set $wi (f64.load offset=8 (i32.add (local.get $pw) (i32.shl (local.get $i) (i32.const 3)))))
        (if (f64.gt (local.get $wi) (f64.const 0))
          (then
            (local.set $j (i32.add (local.get $acc)
              (i32.shl (i32.or (i32.shl (i32.and (i32.shr_u (local.get $qa) (i32.const 8)) (i32.const 255)) (i32.const 8)) (i32.and (i32.shr_u (local.get $qb) (i32.const 8)) (i32.const 255))) (i32.const 5))))
            (f64.store (local.get $j) (f64.add (f64.load (local.get $j)) (f64.const 1)))
            (v128.store offset=8 (local.get $j)
              (f64x2.add (v128.load offset=8 (local.get $j))
                (f64x2.replace_lane 1 (f64x2.splat (local.get $wi)) (f64.mul (local.get $wi) (local.get $wi))))))
          (else (local.set $ex (i32.add (local.get $ex) (i32.const 1)))))
        (local.set $wi (f64.load offset=16 (i32.add (local.get $pw) (i32.shl (local.get $i) (i32.const 3)))))
        (if (f64.gt (local.get $wi) (f64.const 0))
          (then
            (local.set $j (i32.add (local.get $acc)
              (i32.shl (i32.or (i32.shl (i32.and (i32.shr_u (local.get $qa) (i32.const 16)) (i32.const 255)) (i32.const 8)) (i32.and (i32.shr_u (local.get $qb) (i32.const 16)) (i32.const 255))) (i32.const 5))))
            (f64.store (local.get $j) (f64.add (f64.load (local.get $j)) (f64.const 1)))
            (v128.store offset=8 (local.get $j)
              (f64x2.add (v128.load offset=8 (local.get $j))
                (f64x2.replace_lane 1 (f64x2.splat (local.get $wi)) (f64.mul (local.get $wi) (local.get $wi))))))
          (else (local.set $ex (i32.add (local.get $ex) (i32.const 1)))))
        (local.set $wi (f64.load offset=24 (i32.add (local.get $pw) (i32.shl (local.get $i) (i32.const 3)))))
        (if (f64.gt (local.get $wi) (f64.const 0))
          (then
            (local.set $j (i32.add (local.get $acc)
              (i32.shl (i32.or (i32.shl (i32.and (i32.shr_u (local.get $qa) (i32.const 24)) (i32.const 255)) (i32.const 8)) (i32.and (i32.shr_u (local.get $qb) (i32.const 24)) (i32.const 255))) (i32.const 5))))
            (f64.store (local.get $j) (f64.add (f64.load (local.get $j)) (f64.const 1)))
            (v128.store offset=8 (local.get $j)
              (f64x2.add (v128.load offset=8 (local.get $j))
                (f64x2.replace_lane 1 (f64x2.splat (local.get $wi)) (f64.mul (local.get $wi) (local.get $wi))))))
          (else (local.set $ex (i32.add (local.get $ex) (i32.const 1)))))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $top4)))
    (block $done
      (loop $top
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (block $skip
          (local.set $wi (f64.load (i32.add (local.get $pw) (i32.shl (local.get $i) (i32.const 3)))))
          (if (f64.gt (local.get $wi) (f64.const 0))
            (then
              (local.set $j (i32.add (local.get $acc) (i32.shl (i32.or (i32.shl (i32.load8_u (i32.add (local.get $pa) (local.get $i))) (i32.const 8)) (i32.load8_u (i32.add (local.get $pb) (local.get $i)))) (i32.const 5))))
              (f64.store (local.get $j) (f64.add (f64.load (local.get $j)) (f64.const 1)))
              (v128.store offset=8 (local.get $j)
                (f64x2.add (v128.load offset=8 (local.get $j))
                  (f64x2.replace_lane 1 (f64x2.splat (local.get $wi)) (f64.mul (local.get $wi) (local.get $wi))))))
            (else (local.set $ex (i32.add (local.get $ex) (i32.const 1))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $top)))
    (local.get $ex))

  (func $pairsWeightedFiltered
    (param $pa i32) (param $pb i32) (param $pw i32) (param $pf i32) (param $n i32) (param $acc i32)
    (result i32)
    (local $i i32) (local $wi f64) (local $j i32) (local $ex i32)
    (block $done
      (loop $top
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (block $skip
          (br_if $skip (i32.eqz (i32.load8_u (i32.add (local.get $pf) (local.get $i)))))
          (local.set $wi (f64.load (i32.add (local.get $pw) (i32.shl (local.get $i) (i32.const 3)))))
          (if (f64.gt (local.get $wi) (f64.const 0))
            (then
              (local.set $j (i32.add (local.get $acc) (i32.shl (i32.or (i32.shl (i32.load8_u (i32.add (local.get $pa) (local.get $i))) (i32.const 8)) (i32.load8_u (i32.add (local.get $pb) (local.get $i)))) (i32.const 5))))
              (f64.store (local.get $j) (f64.add (f64.load (local.get $j)) (f64.const 1)))
              (v128.store offset=8 (local.get $j)
                (f64x2.add (v128.load offset=8 (local.get $j))
                  (f64x2.replace_lane 1 (f64x2.splat (local.get $wi)) (f64.mul (local.get $wi) (local.get $wi))))))
            (else (local.set $ex (i32.add (local.get $ex) (i32.const 1))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $top)))
    (local.get $ex))

  ;; Presence of byte values: out[byte] = 1 for every row inside the filter.
  (func (export "seen") (param $pd i32) (param $pf i32) (param $n i32) (param $out i32)
    (local $i i32)
    (block $done
      (loop $top
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (block $skip
          ;; wasm has no short-circuit `and`: the filter byte is read only when there is a filter.
          (if (i32.ge_s (local.get $pf) (i32.const 0))
            (then (br_if $skip (i32.eqz (i32.load8_u (i32.add (local.get $pf) (local.get $i)))))))
          (i32.store8 (i32.add (local.get $out) (i32.load8_u (i32.add (local.get $pd) (local.get $i))))
            (i32.const 1)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $top))))

  ;; Banner: per row, cell = rowLut[r byte] + base_g + lutA_g[a byte] + lutB_g[b byte] for every part g,
  ;; plus the Totaal cell rowLut[r byte] when asked. Lookups are i32[256], pre-multiplied so that the sum
  ;; is the cell index and excluded codes are a large negative number (any sum stays negative).
  ;; Descriptor (i32 words at $d): 0 n, 1 rowData, 2 rowLut, 3 weight, 4 filter, 5 total, 6 parts,
  ;; 7 acc, 8 out: rows in the design, 9 out: rows excluded by weight, 10 replica stride (bytes),
  ;; then per part 5 words: aData, aLut, bData, bLut, base.
  ;; A banner has few cells, and consecutive rows often hit the same one (Totaal has one per row
  ;; category), so each add would wait for the previous one to the same cell; row i therefore adds into
  ;; replica i & 3 of the accumulator (4 replicas, `stride` bytes apart), summed by the caller.
  (func (export "banner") (param $d i32)
    (local $i i32) (local $n i32) (local $rd i32) (local $rl i32) (local $pw i32) (local $pf i32)
    (local $total i32) (local $g i32) (local $parts i32) (local $acc i32) (local $r i32) (local $c i32)
    (local $p i32) (local $wi f64) (local $design i32) (local $ex i32) (local $stride i32) (local $a i32) (local $j i32)
    (local.set $n (i32.load (local.get $d)))
    (local.set $rd (i32.load offset=4 (local.get $d)))
    (local.set $rl (i32.load offset=8 (local.get $d)))
    (local.set $pw (i32.load offset=12 (local.get $d)))
    (local.set $pf (i32.load offset=16 (local.get $d)))
    (local.set $total (i32.load offset=20 (local.get $d)))
    (local.set $parts (i32.load offset=24 (local.get $d)))
    (local.set $acc (i32.load offset=28 (local.get $d)))
    (local.set $stride (i32.load offset=40 (local.get $d)))
    (local.set $wi (f64.const 1))
    (block $done
      (loop $top
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (block $skip
          (if (i32.ge_s (local.get $pf) (i32.const 0))
            (then (br_if $skip (i32.eqz (i32.load8_u (i32.add (local.get $pf) (local.get $i)))))))
          (if (i32.ge_s (local.get $pw) (i32.const 0))
            (then
              (local.set $wi (f64.load (i32.add (local.get $pw) (i32.shl (local.get $i) (i32.const 3)))))
              (if (i32.eqz (f64.gt (local.get $wi) (f64.const 0)))
                (then
                  (local.set $ex (i32.add (local.get $ex) (i32.const 1)))
                  (br $skip)))))
          (local.set $design (i32.add (local.get $design) (i32.const 1)))
          (local.set $r (i32.load (i32.add (local.get $rl)
            (i32.shl (i32.load8_u (i32.add (local.get $rd) (local.get $i))) (i32.const 2)))))
          (br_if $skip (i32.lt_s (local.get $r) (i32.const 0)))
          (local.set $a (i32.add (local.get $acc)
            (i32.mul (i32.and (local.get $i) (i32.const 3)) (local.get $stride))))
          (if (local.get $total)
            (then (local.set $j (i32.add (local.get $a) (i32.shl (local.get $r) (i32.const 5))))
                  (f64.store (local.get $j) (f64.add (f64.load (local.get $j)) (f64.const 1)))
                  (v128.store offset=8 (local.get $j)
                    (f64x2.add (v128.load offset=8 (local.get $j))
                      (f64x2.replace_lane 1 (f64x2.splat (local.get $wi)) (f64.mul (local.get $wi) (local.get $wi)))))))
          (local.set $g (i32.const 0))
          (local.set $p (i32.add (local.get $d) (i32.const 44)))
          (block $partsDone
            (loop $part
              (br_if $partsDone (i32.ge_u (local.get $g) (local.get $parts)))
              (local.set $c (i32.add
                (i32.load (i32.add (i32.load offset=4 (local.get $p))
                  (i32.shl (i32.load8_u (i32.add (i32.load (local.get $p)) (local.get $i))) (i32.const 2))))
                (i32.load (i32.add (i32.load offset=12 (local.get $p))
                  (i32.shl (i32.load8_u (i32.add (i32.load offset=8 (local.get $p)) (local.get $i))) (i32.const 2))))))
              (if (i32.ge_s (local.get $c) (i32.const 0))
                (then
                  (local.set $j (i32.add (local.get $a) (i32.shl (i32.add (i32.add (local.get $r) (local.get $c)) (i32.load offset=16 (local.get $p))) (i32.const 5))))
                  (f64.store (local.get $j) (f64.add (f64.load (local.get $j)) (f64.const 1)))
                  (v128.store offset=8 (local.get $j)
                    (f64x2.add (v128.load offset=8 (local.get $j))
                      (f64x2.replace_lane 1 (f64x2.splat (local.get $wi)) (f64.mul (local.get $wi) (local.get $wi)))))))
              (local.set $p (i32.add (local.get $p) (i32.const 20)))
              (local.set $g (i32.add (local.get $g) (i32.const 1)))
              (br $part))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $top)))
    (i32.store offset=32 (local.get $d) (local.get $design))
    (i32.store offset=36 (local.get $d) (local.get $ex))))
