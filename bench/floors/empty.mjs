// Floor for process start-up: does nothing, so the row shows what Node and the RSS hook cost.
