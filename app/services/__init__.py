"""Use cases of Kumppani: each public function does one thing in one transaction."""
