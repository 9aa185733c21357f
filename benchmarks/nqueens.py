# Count the solutions of the N-queens puzzle by backtracking, with the occupied columns
# and diagonals kept in lists of flags: recursion, list indexing and small-int arithmetic.


def count_solutions(n):
    cols = [False] * n
    diag_down = [False] * (2 * n)
    diag_up = [False] * (2 * n)

    def place(row):
        if row == n:
            return 1
        found = 0
        for c in range(n):
            d1 = row + c
            d2 = row - c + n
            if cols[c] or diag_down[d1] or diag_up[d2]:
                continue
            cols[c] = diag_down[d1] = diag_up[d2] = True
            found += place(row + 1)
            cols[c] = diag_down[d1] = diag_up[d2] = False
        return found

    return place(0)


def first_solution(n):
    # Iterative search that returns the first solution found, as a list of columns.
    queens = []
    c = 0
    while len(queens) < n:
        row = len(queens)
        while c < n:
            if all(q != c and abs(q - c) != row - r for r, q in enumerate(queens)):
                break
            c += 1
        if c < n:
            queens.append(c)
            c = 0
        else:
            c = queens.pop() + 1
    return queens


results = [count_solutions(n) for n in range(4, 12)]
print("nqueens counts 4..11", results)
print("nqueens first 10", first_solution(10))
print("nqueens first 16", first_solution(16))
