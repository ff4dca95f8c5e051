CLAIMCHECK_SEARCH.add("t:be",{"becaus":[19,47],"befor":[0,40,35,39],"beij":[4,21,11,22,13,41],"believ":[1,34],"between":[0,19,12,46]});
