"""Generates crates/tamis-dedup/src/minhash/params.rs: datatrove's MinHash permutation
parameters for seed 1 and 14 x 8 = 112 hashes (FineWeb), drawn exactly as datatrove's
MinhashDedupSignature.parameters does with numpy's legacy RandomState.

Run: bench/.venv-dedup/bin/python bench/gen_minhash_params.py > crates/tamis-dedup/src/minhash/params.rs
"""
import numpy as np

MERSENNE = np.uint64((1 << 61) - 1)
N = 112
gen = np.random.RandomState(1)
a = gen.randint(1, MERSENNE, dtype=np.uint64, size=(1, N))[0]
b = gen.randint(0, MERSENNE, dtype=np.uint64, size=(1, N))[0]

print("//! datatrove's MinHash permutation parameters for `seed = 1` and 112 hashes (14 bands x 8),")
print("//! the FineWeb settings: `a` and `b` of `(h * a + b) mod (2^61 - 1)`.")
print("//!")
print("//! Generated once with numpy " + np.__version__ + " (`numpy.random.RandomState(1)`, two `randint` calls")
print("//! as in datatrove 0.10.1 `MinhashDedupSignature.parameters`) by")
print("//! `bench/.venv-dedup/bin/python bench/gen_minhash_params.py > crates/tamis-dedup/src/minhash/params.rs`.")
print("//! The tests check that tamis's own RandomState emulation (`mt19937.rs`) reproduces it.")
print()
print("/// `a` coefficients (in `[1, 2^61 - 1)`).")
print(f"pub(crate) const SEED1_A: [u64; {N}] = [")
for i in range(0, N, 4):
    print("    " + " ".join(f"{int(x)}," for x in a[i:i+4]))
print("];")
print()
print("/// `b` offsets (in `[0, 2^61 - 1)`).")
print(f"pub(crate) const SEED1_B: [u64; {N}] = [")
for i in range(0, N, 4):
    print("    " + " ".join(f"{int(x)}," for x in b[i:i+4]))
print("];")
