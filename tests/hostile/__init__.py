"""The hostile-input suite: cases, runner and output checks."""
