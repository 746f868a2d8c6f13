# Shortcuts for developers; the README's two commands are the scripts themselves.
.PHONY: run test bench lint screenshots

run:
	scripts/run-demo.sh

test:
	scripts/test.sh

lint:
	.venv/bin/ruff check gridapp tests && .venv/bin/lint-imports

bench:
	.venv/bin/gridapp bench
