# asyncio task switches: four tasks pass control round robin with `await asyncio.sleep(0)`,
# the scheduler's fastest path (no timer, no stream). Prints how many steps ran and a hash of
# their order, which both schedulers must produce alike (round robin in creation order).

import asyncio

TASKS = 4
STEPS = 50000

order = 0
steps = 0


async def worker(ident):
    global order, steps
    for _ in range(STEPS):
        order = (order * 31 + ident) % 1000003
        steps += 1
        await asyncio.sleep(0)
    return ident


async def main():
    return await asyncio.gather(*[worker(i) for i in range(TASKS)])


print("workers:", asyncio.run(main()))
print("steps:", steps, "order hash:", order)
