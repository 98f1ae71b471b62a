"""`workshop bench`: many simulated tablets against a real server, with figures."""
