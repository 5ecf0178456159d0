"""The customer step of salesim's bench scenario written the way a numpy user would write it.

The same arithmetic as models/world/world.cpp for an active customer (churn hazard, purchase,
lognormal spend, satisfaction update with a shock, recommend answer, referral and survey draws),
vectorized over the customers still active, with numpy's own Philox generator. It is the reference
salesim_bench_customers times in the same run. Prints one line: "<active customer-steps> <seconds>".
Usage: numpy_customer_reference.py [customers] [months]
"""
import sys
import time

import numpy as np

customers = int(sys.argv[1]) if len(sys.argv) > 1 else 470_000
months = int(sys.argv[2]) if len(sys.argv) > 2 else 120

# The small-business segment of scenarios/bench/million-customers.yaml.
base_hazard, churn_sensitivity, reference = np.float32(0.02), np.float32(0.3), np.float32(7.0)
purchase_rate, purchase_sensitivity = np.float32(0.5), np.float32(0.5)
log_mu, log_sigma = np.log(400.0) - 0.5 * np.log1p(0.49), np.sqrt(np.log1p(0.49))
experience, adjustment, shock_sd = np.float32(7.2), np.float32(0.2), np.float32(0.3)
referral_threshold, referral_propensity, sample_rate, response_rate = 8.0, 0.05, 0.1, 0.3

generator = np.random.Generator(np.random.Philox(7))
satisfaction = np.full(customers, 7.0, dtype=np.float32)
steps = 0
revenue = 0.0
answers = np.zeros(11, dtype=np.int64)
start = time.perf_counter()
for month in range(months):
    n = satisfaction.size
    steps += n
    uniforms = generator.random((4, n), dtype=np.float32)
    normals = generator.standard_normal((2, n), dtype=np.float32)
    hazard = np.minimum(1.0, base_hazard * np.exp(churn_sensitivity * (reference - satisfaction)))
    stay = uniforms[0] >= hazard
    satisfaction, uniforms, normals = satisfaction[stay], uniforms[:, stay], normals[:, stay]
    buy = np.clip(purchase_rate * (1 + purchase_sensitivity * (satisfaction - reference) * 0.1), 0, 1)
    bought = uniforms[1] < buy
    revenue += np.exp(log_mu + log_sigma * normals[0][bought]).sum()
    satisfaction = np.clip(satisfaction + adjustment * (experience - satisfaction) + shock_sd * normals[1], 0, 10)
    answers += np.bincount(np.clip(np.floor(satisfaction + 0.5).astype(np.int64), 0, 10), minlength=11)
    referrals = int(((satisfaction >= referral_threshold) & (uniforms[2] < referral_propensity)).sum())
    surveyed = int((uniforms[3] < sample_rate * response_rate).sum())
seconds = time.perf_counter() - start
print(steps, seconds)
