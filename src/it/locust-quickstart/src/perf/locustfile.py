# The quickstart's two requests, as a team would write them for Locust. perfgate hands the service's URL over as
# Locust's host (-H) and the pom's <scriptProperties> as environment variables.
import os
import random

from locust import FastHttpUser, constant, task


class Visitor(FastHttpUser):
    wait_time = constant(0.05)

    @task(2)
    def search(self):
        with self.client.get("/search?q=" + os.environ["SEARCH_TERM"], name="GET /search",
                             headers={"Authorization": "Bearer " + os.environ["API_TOKEN"]},
                             catch_response=True) as response:
            if '"total":3800' not in response.text:
                response.failure("unexpected search result")

    @task
    def user(self):
        user_id = random.randint(1, 50)
        with self.client.get(f"/users/{user_id}", name="GET /users/{id}", catch_response=True) as response:
            if f'"id":{user_id},' not in response.text:
                response.failure("the body holds another user")
