"""A classroom laptop and a hosted network server: the shipment archive both speak, the
laptop's outbox that sends it exactly once, and the news that comes back to class."""
