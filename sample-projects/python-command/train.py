"""A stand-in for a training script: standard library only.

It reads its parameters from the JSON file named by RUNGS_PARAMS_FILE, trains for
RUNGS_BUDGET epochs and prints one JSON line per epoch, {"step": epoch, "value": loss}.
The "training" is a simulated learning curve whose floor depends on the learning rate
and the width, with seeded noise. Its state (the epoch reached) goes to
RUNGS_CHECKPOINT_DIR, written atomically, so a paused trial resumes where it stopped.
"""
import json
import math
import os
import random
import time

params = json.load(open(os.environ["RUNGS_PARAMS_FILE"]))
lr = float(params["lr"])
width = int(params["width"])
budget = int(os.environ["RUNGS_BUDGET"])
state_file = os.path.join(os.environ["RUNGS_CHECKPOINT_DIR"], "state.json")

start = 0
if os.path.exists(state_file):
    start = json.load(open(state_file))["epoch"]

# Best near lr = 0.01 and width = 128; wider nets learn faster but overfit a little.
floor = 0.05 + 0.3 * (math.log10(lr) + 2) ** 2 + 0.1 * (math.log2(width) - 7) ** 2 / 4
speed = 0.15 + 0.02 * math.log2(width)
noise = random.Random(int(os.environ["RUNGS_TRIAL"]))

for epoch in range(start + 1, budget + 1):
    loss = floor + (1.0 - floor) * math.exp(-speed * epoch) + noise.gauss(0, 0.005)
    tmp = state_file + ".tmp"
    with open(tmp, "w") as f:
        json.dump({"epoch": epoch}, f)
    os.replace(tmp, state_file)
    print(json.dumps({"step": epoch, "value": round(loss, 6)}), flush=True)
    time.sleep(0.01)
