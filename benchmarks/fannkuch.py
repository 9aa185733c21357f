# Pancake flipping over every permutation of n items (the "fannkuch" problem): for each
# permutation, repeatedly reverse the first k+1 items, where k is the first item, until
# the first item is 0. Permutations are visited in lexicographic order. List slicing,
# reversal and small loops.

N = 9


def next_permutation(p):
    # Advance p to the next permutation in lexicographic order; False after the last.
    i = len(p) - 2
    while i >= 0 and p[i] >= p[i + 1]:
        i -= 1
    if i < 0:
        return False
    j = len(p) - 1
    while p[j] <= p[i]:
        j -= 1
    p[i], p[j] = p[j], p[i]
    p[i + 1:] = p[:i:-1]
    return True


def count_flips(perm):
    p = perm[:]
    flips = 0
    first = p[0]
    while first:
        p[: first + 1] = p[first::-1]
        flips += 1
        first = p[0]
    return flips


def fannkuch(n):
    perm = list(range(n))
    max_flips = 0
    checksum = 0
    index = 0
    while True:
        if perm[0]:
            flips = count_flips(perm)
            if flips > max_flips:
                max_flips = flips
            checksum += flips if index % 2 == 0 else -flips
        index += 1
        if not next_permutation(perm):
            break
    return index, max_flips, checksum


print("fannkuch(%d)" % N, fannkuch(N))
