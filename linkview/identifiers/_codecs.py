"""Small pure-Python codecs for wallet addresses: Keccak-256, base58check, bech32/bech32m.

``hashlib.sha3_256`` is the NIST SHA-3, whose padding differs from the Keccak-256 Ethereum uses,
and PyPI ``bech32`` 1.2.0 has no bech32m: both are written here from their specifications.

>>> keccak256(b"").hex()
'c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470'
"""

from __future__ import annotations

import hashlib

__all__ = ["keccak256", "b58decode", "b58encode", "b58check_decode", "b58check_encode", "bech32_decode",
           "BECH32", "BECH32M"]

# Keccak-f[1600] (FIPS 202 permutation) ------------------------------------------------------------
_MASK = (1 << 64) - 1
_RC = (
    0x0000000000000001, 0x0000000000008082, 0x800000000000808A, 0x8000000080008000,
    0x000000000000808B, 0x0000000080000001, 0x8000000080008081, 0x8000000000008009,
    0x000000000000008A, 0x0000000000000088, 0x0000000080008009, 0x000000008000000A,
    0x000000008000808B, 0x800000000000008B, 0x8000000000008089, 0x8000000000008003,
    0x8000000000008002, 0x8000000000000080, 0x000000000000800A, 0x800000008000000A,
    0x8000000080008081, 0x8000000000008080, 0x0000000080000001, 0x8000000080008008,
)
# Rotation offsets r[x][y] and the pi step as flat lane indices (lane (x, y) at x + 5y).
_ROT = (
    (0, 36, 3, 41, 18), (1, 44, 10, 45, 2), (62, 6, 43, 15, 61), (28, 55, 25, 21, 56), (27, 20, 39, 8, 14),
)


def _rol(v: int, n: int) -> int:
    return ((v << n) | (v >> (64 - n))) & _MASK if n else v


def _keccak_f(a: list[int]) -> None:
    for rc in _RC:
        # theta
        c = [a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20] for x in range(5)]
        d = [c[(x - 1) % 5] ^ _rol(c[(x + 1) % 5], 1) for x in range(5)]
        for i in range(25):
            a[i] ^= d[i % 5]
        # rho and pi: B[y, 2x+3y] = rot(A[x, y], r[x, y])
        b = [0] * 25
        for x in range(5):
            for y in range(5):
                b[y + 5 * ((2 * x + 3 * y) % 5)] = _rol(a[x + 5 * y], _ROT[x][y])
        # chi
        for y in range(0, 25, 5):
            row = b[y:y + 5]
            for x in range(5):
                a[y + x] = row[x] ^ ((~row[(x + 1) % 5]) & row[(x + 2) % 5])
        # iota
        a[0] ^= rc


def keccak256(data: bytes) -> bytes:
    """Keccak-256 as Ethereum uses it (original Keccak padding 0x01, not SHA-3's 0x06)."""
    rate = 136
    padded = bytearray(data)
    padded.append(0x01)
    while len(padded) % rate:
        padded.append(0)
    padded[-1] |= 0x80
    state = [0] * 25
    for off in range(0, len(padded), rate):
        block = padded[off:off + rate]
        for i in range(rate // 8):
            state[i] ^= int.from_bytes(block[8 * i:8 * i + 8], "little")
        _keccak_f(state)
    return b"".join(state[i].to_bytes(8, "little") for i in range(4))


# base58 ------------------------------------------------------------------------------------------
_B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_B58_INDEX = {ch: i for i, ch in enumerate(_B58)}


def b58decode(text: str) -> bytes | None:
    """Bytes of a base58 string, or None if it has a character outside the alphabet."""
    num = 0
    for ch in text:
        v = _B58_INDEX.get(ch)
        if v is None:
            return None
        num = num * 58 + v
    body = num.to_bytes((num.bit_length() + 7) // 8, "big") if num else b""
    pad = len(text) - len(text.lstrip("1"))
    return b"\0" * pad + body


def b58encode(data: bytes) -> str:
    num = int.from_bytes(data, "big")
    out = []
    while num:
        num, rem = divmod(num, 58)
        out.append(_B58[rem])
    pad = len(data) - len(data.lstrip(b"\0"))
    return "1" * pad + "".join(reversed(out))


def _checksum(payload: bytes) -> bytes:
    return hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4]


def b58check_decode(text: str) -> bytes | None:
    """The payload of a base58check string (checksum removed), or None if it does not check."""
    raw = b58decode(text)
    if raw is None or len(raw) < 5:
        return None
    payload, check = raw[:-4], raw[-4:]
    return payload if _checksum(payload) == check else None


def b58check_encode(payload: bytes) -> str:
    return b58encode(payload + _checksum(payload))


# bech32 / bech32m (BIP173, BIP350) ----------------------------------------------------------------
BECH32 = 1
BECH32M = 0x2BC830A3
_CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_GEN = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)


def _polymod(values: list[int]) -> int:
    chk = 1
    for v in values:
        top = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ v
        for i in range(5):
            if (top >> i) & 1:
                chk ^= _GEN[i]
    return chk


def _convertbits(data: list[int], frombits: int, tobits: int) -> list[int] | None:
    acc = bits = 0
    out = []
    maxv = (1 << tobits) - 1
    for value in data:
        acc = (acc << frombits) | value
        bits += frombits
        while bits >= tobits:
            bits -= tobits
            out.append((acc >> bits) & maxv)
    if bits >= frombits or ((acc << (tobits - bits)) & maxv):
        return None  # non-zero or over-long padding
    return out


def bech32_decode(address: str) -> tuple[str, int, bytes, int] | None:
    """``(hrp, witness_version, program, encoding)`` of a segwit address, or None when invalid.

    Applies BIP173/BIP350 rules: one case only, checksum constant by witness version (bech32 for
    v0, bech32m for v1+), program length 2-40 bytes and 20 or 32 for v0.
    """
    if any(ord(ch) < 33 or ord(ch) > 126 for ch in address) or len(address) > 90:
        return None
    if address.lower() != address and address.upper() != address:
        return None
    address = address.lower()
    pos = address.rfind("1")
    if pos < 1 or pos + 7 > len(address):
        return None
    hrp, data_part = address[:pos], address[pos + 1:]
    data = []
    for ch in data_part:
        v = _CHARSET.find(ch)
        if v < 0:
            return None
        data.append(v)
    const = _polymod([ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp] + data)
    if const not in (BECH32, BECH32M):
        return None
    payload = data[:-6]
    if not payload or payload[0] > 16:
        return None
    version = payload[0]
    program = _convertbits(payload[1:], 5, 8)
    if program is None or not 2 <= len(program) <= 40:
        return None
    if version == 0 and (const != BECH32 or len(program) not in (20, 32)):
        return None
    if version != 0 and const != BECH32M:
        return None
    return hrp, version, bytes(program), const
