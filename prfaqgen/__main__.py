from prfaqgen.cli import run

run()
