"""The ${{ values.name }} service of the ${{ values.domain }} domain."""
