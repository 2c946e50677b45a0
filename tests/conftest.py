"""Shared test setup: hypothesis profiles ("dev" locally, "ci" when CI is set).

"dev" runs 60 examples per property, "ci" 300 (derandomised). The fuzz properties
(``tests/property/hostile.FUZZ``: test_fuzz.py and the hostile nothing-lost property)
run 5,000 examples each under "ci"; ``AGGLO_FUZZ_EXAMPLES=N`` sets their count in any profile.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile("dev", max_examples=60, deadline=None)
settings.register_profile(
    "ci", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))
